using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;
using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Examples.Tests;

/// <summary>
/// One run of the conformance suite (the built steps assembly, features only) in a separate process with
/// AUTHZ_PROFILE set — what <c>AUTHZ_PROFILE=… dotnet test --project steps/AuthorizerConformance.Steps.csproj</c> does —
/// read back from its xUnit XML results as one verdict per scenario.
/// </summary>
public sealed class SuiteRun
{
    private SuiteRun(IReadOnlyList<ScenarioVerdict> verdicts, int exitCode, string console, TimeSpan elapsed)
    {
        Verdicts = verdicts;
        ExitCode = exitCode;
        Console = console;
        Elapsed = elapsed;
    }

    public IReadOnlyList<ScenarioVerdict> Verdicts { get; }

    public int ExitCode { get; }

    public string Console { get; }

    public TimeSpan Elapsed { get; }

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    private static string StepsAssembly { get; } = Metadata("StepsAssembly");

    /// <summary>The verdict on <paramref name="scenario"/> (the display name after <c>Feature: </c>).</summary>
    public ScenarioVerdict Verdict(string feature, string scenario) =>
        Verdicts.SingleOrDefault(v => v.Feature == feature && v.Scenario == scenario)
        ?? throw new InvalidOperationException($"The run has no scenario '{feature}: {scenario}'.");

    /// <summary>Runs the suite against the profile at <paramref name="profile"/> (relative to the repository).</summary>
    public static async Task<SuiteRun> RunAsync(string profile, TimeSpan timeout)
    {
        var work = Directory.CreateTempSubdirectory("authz-example-run-");
        try
        {
            var xml = Path.Combine(work.FullName, "results.xml");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
            foreach (var argument in new[] { StepsAssembly, "-noLogo", "-noColor", "-class", "AuthorizerConformance.Steps.FeatureTests", "-xml", xml })
                start.ArgumentList.Add(argument);
            start.Environment["AUTHZ_PROFILE"] = profile;
            start.Environment["PWD"] = RepoRoot; // as a shell in the repository root would set it
            start.Environment["REQNROLL_FORMATTERS"] = """{"formatters":{}}""";
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The suite run against {profile} did not end within {timeout}.");
            }
            var console = await stdout + await stderr;
            if (!File.Exists(xml))
                throw new InvalidOperationException($"The suite run against {profile} wrote no results (exit code {process.ExitCode}):{Environment.NewLine}{console}");
            return new SuiteRun(Parse(XDocument.Load(xml)), process.ExitCode, console, clock.Elapsed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<ScenarioVerdict> Parse(XDocument document) =>
        [.. document.Descendants("test").Select(test =>
        {
            var name = (string)test.Attribute("name")!;
            var colon = name.IndexOf(": ", StringComparison.Ordinal);
            var outcome = (string)test.Attribute("result")! switch
            {
                "Pass" => VerdictOutcome.Passed,
                "Skip" => VerdictOutcome.Skipped,
                _ => VerdictOutcome.Failed,
            };
            var reason = outcome switch
            {
                VerdictOutcome.Failed => (string?)test.Element("failure")?.Element("message") ?? "failed without a message",
                VerdictOutcome.Skipped => ((string?)test.Element("reason") ?? "").Replace("$XunitDynamicSkip$", "", StringComparison.Ordinal),
                _ => null,
            };
            return new ScenarioVerdict(colon < 0 ? "" : name[..colon], colon < 0 ? name : name[(colon + 2)..], outcome, reason);
        })];

    private static string Metadata(string key) =>
        typeof(SuiteRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
