using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Examples.Tests;

/// <summary>
/// The mutant catalogue: loads node/mutants.json and dotnet/mutants.json, writes each entry's profile (and, for Node,
/// its patched source) to a temporary folder and runs the whole conformance suite against it in a separate process
/// (<see cref="SuiteRun"/>), several at a time — each run mostly waits on its function. Correct variants and harmless
/// variations run to the end; a mutant's run stops as soon as <see cref="StopAfter"/> scenarios have failed that its
/// correct base passes (only whether it is caught matters, and by what).
/// </summary>
public static class MutantCatalogue
{
    /// <summary>The folder of the catalogue (node/ and dotnet/).</summary>
    public static string Folder { get; } = Path.Combine(SuiteRun.RepoRoot, "harness", "tests", "AuthorizerConformance.Mutants");

    /// <summary>The built Fixtures.DotNetMutants assembly (the .NET entries' types).</summary>
    public static string DotNetAssembly { get; } = typeof(MutantCatalogue).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false).Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DotNetMutants").Value!;

    /// <summary>Every entry: the Node entries, then the .NET ones, each in file order.</summary>
    public static IReadOnlyList<Mutant> All { get; } = [.. Load("node"), .. Load("dotnet")];

    /// <summary>How many scenarios that its base passes must fail before a mutant's run stops: AUTHZ_MUTANT_STOP_AFTER,
    /// default 3; 0 runs every mutant to the end.</summary>
    public static int StopAfter { get; } = int.TryParse(Environment.GetEnvironmentVariable("AUTHZ_MUTANT_STOP_AFTER"), CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : 3;

    private static readonly Lazy<Task<IReadOnlyDictionary<string, SuiteRun>>> Runs = new(RunAllAsync);

    /// <summary>The suite's run against every entry (run once per test process).</summary>
    public static Task<IReadOnlyDictionary<string, SuiteRun>> RunsAsync() => Runs.Value;

    /// <summary>The patched source of a Node <paramref name="mutant"/>; throws when its patch does not apply in exactly one place.</summary>
    public static string Source(Mutant mutant)
    {
        ArgumentNullException.ThrowIfNull(mutant);
        var source = File.ReadAllText(Path.Combine(Folder, "node", "authorizer.js")).ReplaceLineEndings("\n");
        if (mutant.Find.Length == 0)
            return source;
        var first = source.IndexOf(mutant.Find, StringComparison.Ordinal);
        if (first < 0 || source.IndexOf(mutant.Find, first + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"mutants.json: the patch of '{mutant.Id}' must match authorizer.js exactly once.");
        return string.Concat(source.AsSpan(0, first), mutant.Replace, source.AsSpan(first + mutant.Find.Length));
    }

    /// <summary>The profile file of <paramref name="mutant"/>'s base.</summary>
    public static string BaseProfile(Mutant mutant)
    {
        ArgumentNullException.ThrowIfNull(mutant);
        return Path.Combine(Folder, mutant.Runtime, $"profile.{mutant.Base}.json");
    }

    /// <summary>The failed scenarios of <paramref name="mutant"/>'s run that its correct base passed: what caught it.</summary>
    public static IReadOnlyList<string> CaughtBy(IReadOnlyDictionary<string, SuiteRun> runs, Mutant mutant)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(mutant);
        var baseFailures = Failures(runs[mutant.BaseId].Verdicts);
        return [.. runs[mutant.Id].Verdicts.Where(v => v.Outcome == VerdictOutcome.Failed).Select(Name)
            .Where(n => !baseFailures.Contains(n)).Order(StringComparer.Ordinal)];
    }

    /// <summary>A scenario's full name (feature: scenario, with its example).</summary>
    public static string Name(ScenarioVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Feature + ": " + verdict.Scenario;
    }

    private static HashSet<string> Failures(IEnumerable<ScenarioVerdict> verdicts) =>
        verdicts.Where(v => v.Outcome == VerdictOutcome.Failed).Select(Name).ToHashSet(StringComparer.Ordinal);

    private static async Task<IReadOnlyDictionary<string, SuiteRun>> RunAllAsync()
    {
        var parallel = int.TryParse(Environment.GetEnvironmentVariable("AUTHZ_MUTANT_PARALLEL"), CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : Math.Max(2, Environment.ProcessorCount * 2);
        using var gate = new SemaphoreSlim(parallel);
        var started = new Dictionary<string, Task<SuiteRun>>(StringComparer.Ordinal);
        async Task<SuiteRun> Gated(Func<Task<SuiteRun>> run)
        {
            await gate.WaitAsync();
            try
            {
                return await run();
            }
            finally
            {
                gate.Release();
            }
        }
        // The bases first (a mutant's run stops on failures its base does not have), then every mutant once its base ended.
        foreach (var variant in All.Where(m => !m.MustFail))
            started[variant.Id] = Gated(() => RunOneAsync(variant, stopWhen: null));
        foreach (var mutant in All.Where(m => m.MustFail))
        {
            var baseRun = started[mutant.BaseId];
            started[mutant.Id] = Task.Run(async () =>
            {
                var baseFailures = Failures((await baseRun).Verdicts);
                Func<IReadOnlyList<ScenarioVerdict>, bool>? stopWhen = StopAfter == 0 ? null
                    : verdicts => verdicts.Count(v => v.Outcome == VerdictOutcome.Failed && !baseFailures.Contains(Name(v))) >= StopAfter;
                return await Gated(() => RunOneAsync(mutant, stopWhen));
            });
        }
        await Task.WhenAll(started.Values);
        return started.ToDictionary(r => r.Key, r => r.Value.Result, StringComparer.Ordinal);
    }

    /// <summary>The suite's run against <paramref name="mutant"/> to its end, all of it or the part the runner's
    /// <paramref name="filter"/> arguments select (<see cref="SuiteRun.RunAsync(string, TimeSpan, string[])"/>).</summary>
    public static Task<SuiteRun> RunAsync(Mutant mutant, params string[] filter)
    {
        ArgumentNullException.ThrowIfNull(mutant);
        return RunOneAsync(mutant, null, filter);
    }

    private static async Task<SuiteRun> RunOneAsync(Mutant mutant, Func<IReadOnlyList<ScenarioVerdict>, bool>? stopWhen, params string[] filter)
    {
        var folder = Directory.CreateTempSubdirectory("authz-mutant-" + mutant.Id + "-");
        try
        {
            var profile = JsonNode.Parse(await File.ReadAllTextAsync(BaseProfile(mutant)))!.AsObject();
            profile["name"] = "mutant-" + mutant.Id;
            if (mutant.Runtime == "node")
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, "authorizer.js"), Source(mutant));
            else
                profile["function"] = $"dotnet:{DotNetAssembly}::Fixtures.DotNetMutants.{mutant.Type}::Handle";
            var path = Path.Combine(folder.FullName, "profile.json");
            await File.WriteAllTextAsync(path, profile.ToJsonString());
            return await SuiteRun.RunAsync(path, TimeSpan.FromMinutes(8), stopWhen, filter);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<Mutant> Load(string runtime)
    {
        var path = Path.Combine(Folder, runtime, "mutants.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<Mutant>();
        foreach (var entry in document.RootElement.GetProperty("mutants").EnumerateArray())
        {
            string? Optional(string key) => entry.TryGetProperty(key, out var value) ? value.GetString() : null;
            string Text(string key) => Optional(key) ?? throw new InvalidOperationException($"{path}: an entry has no '{key}'.");
            string[] known = runtime == "node" ? ["id", "kind", "base", "defect", "find", "replace", "reading"] : ["id", "kind", "base", "defect", "type", "reading"];
            foreach (var property in entry.EnumerateObject().Where(p => !known.Contains(p.Name)))
                throw new InvalidOperationException($"{path}: the entry '{Optional("id")}' has an unknown key '{property.Name}'.");
            list.Add(runtime == "node"
                ? new Mutant(Text("id"), Text("kind"), runtime, Text("base"), Text("defect"), Text("find"), Text("replace"), null, Optional("reading"))
                : new Mutant(Text("id"), Text("kind"), runtime, Text("base"), Text("defect"), "", "", Text("type"), Optional("reading")));
        }
        return list;
    }
}
