using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Examples.Tests;

/// <summary>One entry of harness/tests/AuthorizerConformance.Mutants/node/mutants.json: the correct authorizer with one
/// textual patch (<see cref="Find"/> occurs exactly once in it and becomes <see cref="Replace"/>).</summary>
public sealed record Mutant(string Id, string Kind, string Base, string Defect, string Find, string Replace, string? Reading)
{
    /// <summary>A mutant must fail the suite; a correct variant or harmless variation must pass it.</summary>
    public bool MustFail => Kind == "mutant";
}

/// <summary>
/// The mutant catalogue: loads mutants.json, writes each mutant (patched source + its base profile) to a temporary
/// folder and runs the whole conformance suite against it in a separate process (<see cref="SuiteRun"/>), a few at a
/// time — each run mostly waits on its function, so several share the 2 cores.
/// </summary>
public static class MutantCatalogue
{
    /// <summary>The folder of the catalogue (authorizer.js, profile.&lt;base&gt;.json, mutants.json).</summary>
    public static string Folder { get; } = Path.Combine(SuiteRun.RepoRoot, "harness", "tests", "AuthorizerConformance.Mutants", "node");

    /// <summary>Every entry, in file order.</summary>
    public static IReadOnlyList<Mutant> All { get; } = Load();

    private static readonly Lazy<Task<IReadOnlyDictionary<string, SuiteRun>>> Runs = new(RunAllAsync);

    /// <summary>The suite's run against every entry (run once per test process).</summary>
    public static Task<IReadOnlyDictionary<string, SuiteRun>> RunsAsync() => Runs.Value;

    /// <summary>The patched source of <paramref name="mutant"/>; throws when its patch does not apply in exactly one place.</summary>
    public static string Source(Mutant mutant)
    {
        ArgumentNullException.ThrowIfNull(mutant);
        var source = File.ReadAllText(Path.Combine(Folder, "authorizer.js")).ReplaceLineEndings("\n");
        if (mutant.Find.Length == 0)
            return source;
        var first = source.IndexOf(mutant.Find, StringComparison.Ordinal);
        if (first < 0 || source.IndexOf(mutant.Find, first + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"mutants.json: the patch of '{mutant.Id}' must match authorizer.js exactly once.");
        return string.Concat(source.AsSpan(0, first), mutant.Replace, source.AsSpan(first + mutant.Find.Length));
    }

    /// <summary>The failed scenarios of <paramref name="run"/> that its base variant passed: what caught the mutant.</summary>
    public static IReadOnlyList<string> CaughtBy(IReadOnlyDictionary<string, SuiteRun> runs, Mutant mutant)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(mutant);
        var baseFailures = runs["correct-" + mutant.Base].Verdicts.Where(v => v.Outcome == VerdictOutcome.Failed).Select(Name).ToHashSet(StringComparer.Ordinal);
        return [.. runs[mutant.Id].Verdicts.Where(v => v.Outcome == VerdictOutcome.Failed).Select(Name)
            .Where(n => !baseFailures.Contains(n)).Order(StringComparer.Ordinal)];
    }

    /// <summary>A scenario's full name (feature: scenario, with its example).</summary>
    public static string Name(ScenarioVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Feature + ": " + verdict.Scenario;
    }

    private static async Task<IReadOnlyDictionary<string, SuiteRun>> RunAllAsync()
    {
        var parallel = int.TryParse(Environment.GetEnvironmentVariable("AUTHZ_MUTANT_PARALLEL"), out var n) && n > 0 ? n : 4;
        using var gate = new SemaphoreSlim(parallel);
        var runs = await Task.WhenAll(All.Select(async mutant =>
        {
            await gate.WaitAsync();
            try
            {
                return (mutant.Id, Run: await RunOneAsync(mutant));
            }
            finally
            {
                gate.Release();
            }
        }));
        return runs.ToDictionary(r => r.Id, r => r.Run, StringComparer.Ordinal);
    }

    private static async Task<SuiteRun> RunOneAsync(Mutant mutant)
    {
        var folder = Directory.CreateTempSubdirectory("authz-mutant-" + mutant.Id + "-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "authorizer.js"), Source(mutant));
            var profile = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, $"profile.{mutant.Base}.json")))!.AsObject();
            profile["name"] = "mutant-" + mutant.Id;
            var path = Path.Combine(folder.FullName, "profile.json");
            await File.WriteAllTextAsync(path, profile.ToJsonString());
            return await SuiteRun.RunAsync(path, TimeSpan.FromMinutes(8));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static List<Mutant> Load()
    {
        var path = Path.Combine(Folder, "mutants.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<Mutant>();
        foreach (var entry in document.RootElement.GetProperty("mutants").EnumerateArray())
        {
            string Text(string key) => entry.TryGetProperty(key, out var value) ? value.GetString()! : throw new InvalidOperationException($"{path}: an entry has no '{key}'.");
            list.Add(new Mutant(Text("id"), Text("kind"), Text("base"), Text("defect"), Text("find"), Text("replace"),
                entry.TryGetProperty("reading", out var reading) ? reading.GetString() : null));
        }
        return list;
    }
}
