using System.Xml.Linq;
using AuthorizerConformance.Steps.Support;
using AuthorizerConformance.Harness.Canaries;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Testing;

namespace AuthorizerConformance.Steps.FailureReports;

/// <summary>
/// One run of this test assembly's feature theory, in a separate process, on the planted-failure features
/// (<c>steps/FailureReports/planted</c>), against the reference target: its xUnit XML and JUnit results, Cucumber
/// HTML and ndjson reports and reproductions, in a temporary folder; also xUnit's TRX, CTRF, NUnit, HTML and Markdown
/// results. The run's keys are canaries (<see cref="SecretCanaries"/>, read through AUTHZ_KEYS_FILE), with canary AWS
/// credentials in its environment, so the canary test can look for them in everything the run wrote and printed.
/// Started once per test process and shared.
/// </summary>
public sealed class PlantedRun
{
    private static readonly Lazy<Task<PlantedRun>> Shared = new(() => Task.Run(ExecuteAsync));

    private PlantedRun(string folder, XDocument results, string console, SecretCanaries canaries)
    {
        Folder = folder;
        Results = results;
        Console = console;
        Canaries = canaries;
    }

    /// <summary>The canary keys and AWS credentials the run was given (its keys file lives outside <see cref="Folder"/>).</summary>
    public SecretCanaries Canaries { get; }

    /// <summary>The planted features' folder (the source folder, recorded at build time).</summary>
    public static string FeaturesFolder { get; } =
        BuildMetadata.Value("PlantedFailuresDirectory");

    /// <summary>The run's folder: results.xml, junit.xml, reports/ (conformance.html, conformance.ndjson, repro/).</summary>
    public string Folder { get; }

    public string ReportsFolder => Path.Combine(Folder, "reports");

    public string HtmlReport => Path.Combine(ReportsFolder, "conformance.html");

    public XDocument Results { get; }

    /// <summary>What the run printed.</summary>
    public string Console { get; }

    public static Task<PlantedRun> Get() => Shared.Value;

    /// <summary>The xUnit result element of the scenario <paramref name="scenario"/> (display name "Feature: Scenario").</summary>
    public XElement Test(string scenario) =>
        Results.Descendants("test").SingleOrDefault(t => ((string)t.Attribute("name")!).EndsWith(": " + scenario, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No test for the scenario '{scenario}'. Tests: {string.Join(" | ", Results.Descendants("test").Select(t => (string)t.Attribute("name")!))}");

    /// <summary>The failure message of <paramref name="scenario"/>, which must have failed.</summary>
    public string Message(string scenario)
    {
        var test = Test(scenario);
        Assert.True((string?)test.Attribute("result") == "Fail", $"'{scenario}' must fail on purpose, but: {test}");
        return Unescape((string?)test.Element("failure")?.Element("message") ?? "");
    }

    // xUnit's XML writes a quote in a message as \" and a backslash as \\.
    private static string Unescape(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\\([""\\])", "$1");

    /// <summary>The stack trace xUnit recorded for <paramref name="scenario"/> (empty when none).</summary>
    public string StackTrace(string scenario) => (string?)Test(scenario).Element("failure")?.Element("stack-trace") ?? "";

    private static async Task<PlantedRun> ExecuteAsync()
    {
        var folder = Directory.CreateTempSubdirectory("planted-failures-").FullName;
        var canaries = SecretCanaries.Create();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => canaries.Dispose();
        var reports = Path.Combine(folder, "reports");
        var environment = new Dictionary<string, string?>
        {
            // The planted features are written for the reference authorizer: an AUTHZ_PROFILE of the outer run (a team
            // judging its own authorizer) would take precedence over AUTHZ_TARGET and change every planted outcome.
            [AuthorizerProfile.EnvironmentVariable] = null,
            ["AUTHZ_TARGET"] = "reference",
        };
        foreach (var (name, value) in canaries.Environment)
            environment[name] = value;
        var run = await FeatureRunProcess.RunAsync(typeof(PlantedRun).Assembly.Location, FeaturesFolder, folder,
            [
                "-noAutoReporters", "-class", typeof(FeatureTests).FullName!, "-result-junit", Path.Combine(folder, "junit.xml"),
                "-result-trx", Path.Combine(folder, "results.trx"), "-result-ctrf", Path.Combine(folder, "results.ctrf.json"),
                "-result-nunit", Path.Combine(folder, "results.nunit.xml"), "-result-html", Path.Combine(folder, "results.html"),
                "-result-markdown", Path.Combine(folder, "results.md"),
            ],
            environment, (Path.Combine(reports, "conformance.html"), Path.Combine(reports, "conformance.ndjson")));
        return new PlantedRun(folder, run.Results, run.Console, canaries);
    }
}
