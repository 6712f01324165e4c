using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Examples.Tests;

/// <summary>
/// One run of the conformance suite (the built steps assembly, features only) in a separate process with
/// AUTHZ_PROFILE set — what <c>AUTHZ_PROFILE=… dotnet test --project steps/AuthorizerConformance.Steps.csproj</c> does —
/// read back, scenario by scenario as they finish, from xUnit's JSON progress messages (<c>-reporter json</c>). A run
/// may stop early: as soon as its verdicts so far satisfy <c>stopWhen</c>, the process (and every function process it
/// started) is killed, and the run holds the verdicts it reached (<see cref="Stopped"/>).
/// </summary>
public sealed class SuiteRun
{
    private SuiteRun(IReadOnlyList<ScenarioVerdict> verdicts, int exitCode, bool stopped, string console, TimeSpan elapsed)
    {
        Verdicts = verdicts;
        ExitCode = exitCode;
        Stopped = stopped;
        Console = console;
        Elapsed = elapsed;
    }

    /// <summary>The verdict of every scenario that finished, in the order they finished.</summary>
    public IReadOnlyList<ScenarioVerdict> Verdicts { get; }

    /// <summary>The process's exit code (not 0 when a scenario failed or the run was stopped).</summary>
    public int ExitCode { get; }

    /// <summary>Whether the run was stopped early, so <see cref="Verdicts"/> covers only the scenarios run until then.</summary>
    public bool Stopped { get; }

    /// <summary>What the run printed besides the progress messages (standard error included).</summary>
    public string Console { get; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; }

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    private static string StepsAssembly { get; } = Metadata("StepsAssembly");

    /// <summary>The verdict on <paramref name="scenario"/> (the display name after <c>Feature: </c>).</summary>
    public ScenarioVerdict Verdict(string feature, string scenario) =>
        Verdicts.SingleOrDefault(v => v.Feature == feature && v.Scenario == scenario)
        ?? throw new InvalidOperationException($"The run has no scenario '{feature}: {scenario}'.");

    /// <summary>Runs the suite against the profile at <paramref name="profile"/> (absolute, or relative to the
    /// repository) to its end; the xUnit runner's <paramref name="filter"/> arguments (<c>-trait "Feature=IdentitySource"</c>,
    /// repeated: any of them) run only part of it.</summary>
    public static Task<SuiteRun> RunAsync(string profile, TimeSpan timeout, params string[] filter) => RunAsync(profile, timeout, null, filter);

    /// <summary>Runs the suite against the profile at <paramref name="profile"/>, stopping early once
    /// <paramref name="stopWhen"/> holds for the verdicts so far (checked after each failed scenario).</summary>
    public static async Task<SuiteRun> RunAsync(string profile, TimeSpan timeout, Func<IReadOnlyList<ScenarioVerdict>, bool>? stopWhen, params string[] filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        foreach (var argument in new[] { StepsAssembly, "-noLogo", "-noColor", "-class", "AuthorizerConformance.Steps.FeatureTests", "-reporter", "json" }.Concat(filter))
            start.ArgumentList.Add(argument);
        start.Environment["AUTHZ_PROFILE"] = profile;
        start.Environment["PWD"] = RepoRoot; // as a shell in the repository root would set it
        start.Environment["REQNROLL_FORMATTERS"] = """{"formatters":{}}""";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var progress = new ProgressMessages();
        var stopped = false;
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (progress.Read(line) is VerdictOutcome.Failed && stopWhen is not null && stopWhen(progress.Verdicts))
                {
                    process.Kill(entireProcessTree: true);
                    stopped = true;
                    break;
                }
            }
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The suite run against {profile} did not end within {timeout}.");
        }
        var console = progress.Console + await stderr;
        if (!stopped && !progress.Finished)
            throw new InvalidOperationException($"The suite run against {profile} ended before its last scenario (exit code {process.ExitCode}):{Environment.NewLine}{console}");
        return new SuiteRun(progress.Verdicts, process.ExitCode, stopped, console, clock.Elapsed);
    }

    private static string Metadata(string key) =>
        typeof(SuiteRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>Reads xUnit v3's JSON progress messages line by line: test display names, outcomes, the end of the run.</summary>
    private sealed class ProgressMessages
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly List<ScenarioVerdict> _verdicts = [];
        private readonly StringBuilder _console = new();

        public IReadOnlyList<ScenarioVerdict> Verdicts => _verdicts;

        public string Console => _console.ToString();

        public bool Finished { get; private set; }

        /// <summary>Takes one line; returns the outcome when it finished a scenario.</summary>
        public VerdictOutcome? Read(string line)
        {
            if (!line.StartsWith('{'))
            {
                _console.AppendLine(line);
                return null;
            }
            if (line.StartsWith("""{"$type":"test-output""", StringComparison.Ordinal))
                return null; // the bulk of the stream: a step's output, not needed for a verdict
            using var message = JsonDocument.Parse(line);
            var root = message.RootElement;
            string Text(string name) => root.GetProperty(name).GetString()!;
            switch (Text("$type"))
            {
                case "test-starting":
                    _names[Text("TestUniqueID")] = Text("TestDisplayName");
                    return null;
                case "test-passed":
                    return Add(Text("TestUniqueID"), VerdictOutcome.Passed, null);
                case "test-skipped":
                    return Add(Text("TestUniqueID"), VerdictOutcome.Skipped, Text("Reason").Replace("$XunitDynamicSkip$", "", StringComparison.Ordinal));
                case "test-failed":
                    var messages = root.GetProperty("Messages");
                    return Add(Text("TestUniqueID"), VerdictOutcome.Failed, messages.GetArrayLength() > 0 ? messages[0].GetString() : "failed without a message");
                case "test-assembly-finished":
                    Finished = true;
                    return null;
                default:
                    return null;
            }
        }

        private VerdictOutcome Add(string id, VerdictOutcome outcome, string? reason)
        {
            var name = _names[id];
            var colon = name.IndexOf(": ", StringComparison.Ordinal);
            _verdicts.Add(new ScenarioVerdict(colon < 0 ? "" : name[..colon], colon < 0 ? name : name[(colon + 2)..], outcome, reason));
            return outcome;
        }
    }
}
