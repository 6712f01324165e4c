using System.Reflection;

namespace AuthorizerConformance.Fuzz.Tests;

/// <summary>The committed corpus: harness/fuzz/corpus/&lt;target&gt;/ (seeds and the fuzzer's finds).</summary>
internal static class Corpus
{
    public static string Root { get; } = Path.GetFullPath(typeof(Corpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FuzzCorpus").Value!);

    /// <summary>Every corpus file of <paramref name="target"/>, by name.</summary>
    public static IEnumerable<string> Files(string target) =>
        Directory.EnumerateFiles(Path.Combine(Root, target)).Order(StringComparer.Ordinal);

    /// <summary>Every corpus file's bytes of <paramref name="target"/>.</summary>
    public static byte[][] Seeds(string target) => [.. Files(target).Select(File.ReadAllBytes)];
}
