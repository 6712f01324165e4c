using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;
using AuthorizerConformance.Testing;

namespace AuthorizerConformance.Reqnroll.xUnit3.Tests;

/// <summary>
/// Runs the fixture test assembly (real xunit.v3 discovery and execution through the runner) on one fixture
/// folder in a separate process, and reads its xUnit XML results.
/// </summary>
public sealed class FixtureRun
{
    private FixtureRun(IReadOnlyList<TestResult> results, string reportDirectory, string console)
    {
        Results = results;
        ReportDirectory = reportDirectory;
        Console = console;
    }

    public IReadOnlyList<TestResult> Results { get; }

    public string ReportDirectory { get; }

    public string Console { get; }

    public static string FixtureAssembly { get; } =
        typeof(FixtureRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FixtureAssembly").Value!;

    public static string FixtureFolder(string name) => Path.Combine(Path.GetDirectoryName(FixtureAssembly)!, "fixtures", name);

    private static readonly ConcurrentDictionary<string, Lazy<Task<FixtureRun>>> Runs = new(StringComparer.Ordinal);

    /// <summary>
    /// The run of one fixture folder with extra xunit arguments (e.g. a trait filter). Each distinct run happens once per
    /// test process and is shared by the tests that inspect it; <see cref="StartAll"/> starts them side by side.
    /// </summary>
    public static Task<FixtureRun> RunAsync(string folder, params string[] xunitArguments) =>
        RunWithEnvironmentAsync(folder, new Dictionary<string, string>(), xunitArguments);

    /// <summary>As <see cref="RunAsync"/>, with extra environment variables for the fixture process (e.g. AUTHZ_VERBOSE=1).</summary>
    public static Task<FixtureRun> RunWithEnvironmentAsync(string folder, IReadOnlyDictionary<string, string> environment, params string[] xunitArguments) =>
        Runs.GetOrAdd(string.Join('\u001f', [folder, .. environment.Select(kv => $"{kv.Key}={kv.Value}"), .. xunitArguments]),
            _ => new Lazy<Task<FixtureRun>>(() => Task.Run(() => ExecuteAsync(folder, environment, xunitArguments)))).Value;

    /// <summary>Starts every run the tests use, so the separate processes overlap.</summary>
    public static void StartAll(IEnumerable<string[]> runs)
    {
        foreach (var run in runs)
            _ = RunAsync(run[0], run[1..]);
    }

    private static async Task<FixtureRun> ExecuteAsync(string folder, IReadOnlyDictionary<string, string> environment, string[] xunitArguments)
    {
        var work = Directory.CreateTempSubdirectory("runner-fixture-");
        var reports = Path.Combine(work.FullName, "reports");
        var run = await FeatureRunProcess.RunAsync(FixtureAssembly, FixtureFolder(folder), work.FullName, xunitArguments,
            environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal),
            (Path.Combine(reports, "report.html"), Path.Combine(reports, "report.ndjson")));
        return new FixtureRun(Parse(run.Results), reports, run.Console);
    }

    private static List<TestResult> Parse(XDocument document) =>
        document.Descendants("test").Select(test => new TestResult(
            (string)test.Attribute("name")!,
            (string)test.Attribute("result")!,
            (string?)test.Element("failure")?.Element("message") ?? "",
            (string?)test.Element("reason") ?? "",
            (string?)test.Element("failure")?.Element("stack-trace") ?? "",
            test.Element("traits")?.Elements("trait").Select(t => ((string)t.Attribute("name")!, (string)t.Attribute("value")!)).ToList() ?? [],
            (string?)test.Element("output") ?? "")).ToList();

    public TestResult Single(string name) =>
        Results.SingleOrDefault(r => r.Name == name)
        ?? throw new InvalidOperationException($"No test named '{name}'. Tests: {string.Join(" | ", Results.Select(r => r.Name))}");
}

/// <summary>One test of a fixture run: its display name, Pass/Fail/Skip, failure message, skip reason, stack trace, traits, test output.</summary>
public sealed record TestResult(string Name, string Result, string Message, string SkipReason, string StackTrace, IReadOnlyList<(string Name, string Value)> Traits, string Output);
