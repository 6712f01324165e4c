using AuthorizerConformance.Fuzz;

// AuthorizerConformance.Fuzz <target>                 run one target under afl-fuzz (SharpFuzz, out of process)
// AuthorizerConformance.Fuzz replay <target> <path>…  classify files or every file of folders, one verdict a line
// AuthorizerConformance.Fuzz list                     the targets
// docs/fuzzing.md has the commands around it (instrumenting, afl-fuzz, minimising the corpus).
if (args is ["list"])
{
    foreach (var t in FuzzTargets.All)
        Console.WriteLine($"{t.Name,-12} {t.Parser}");
    return 0;
}
if (args is ["replay", var replayName, .. var paths] && paths.Length > 0 && FuzzTargets.Find(replayName) is { } replayed)
{
    var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]);
    foreach (var file in files)
        Console.WriteLine($"{Path.GetFileName(file)}\t{replayed.Classify(File.ReadAllBytes(file))}");
    return 0;
}
if (args is [var name] && FuzzTargets.Find(name) is { } target)
{
    SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        _ = target.Classify(buffer.ToArray());
    });
    return 0;
}
Console.Error.WriteLine($"usage: AuthorizerConformance.Fuzz list | <target> | replay <target> <file-or-folder>…; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
return 2;
