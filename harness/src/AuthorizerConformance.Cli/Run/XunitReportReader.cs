using System.Globalization;
using System.Text.Json;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// Reads xUnit v3's JSON reporter lines (<c>-reporter json</c>) into <see cref="ScenarioResult"/>s: a test's name,
/// label and traits from <c>test-starting</c>, its outcome from <c>test-passed/failed/skipped/not-run</c>, its time
/// from <c>test-finished</c>; cleanup failures of the run (AfterTestRun, AfterFeature) are kept as run errors.
/// Every message is redacted here, before anything prints or stores it.
/// </summary>
internal sealed class XunitReportReader(ScenarioSubjects subjects)
{
    private readonly Dictionary<string, (string Name, string Label, IReadOnlyList<string> Tags, string Feature)> _started = [];
    private readonly Dictionary<string, (VerdictOutcome Outcome, string? Message)> _outcomes = [];
    private readonly Lock _lock = new();

    /// <summary>The number of tests xUnit will run, once discovery is complete.</summary>
    public int? Planned { get; private set; }

    /// <summary>True once xUnit reported the end of the run.</summary>
    public bool Finished { get; private set; }

    /// <summary>Failures outside any one scenario (hooks of the run, a feature's cleanup, the runner itself).</summary>
    public List<string> RunErrors { get; } = [];

    /// <summary>The results so far, in the order the scenarios finished.</summary>
    public List<ScenarioResult> Results { get; } = [];

    /// <summary>Reads one line; returns the scenario it finished, if any.</summary>
    public ScenarioResult? Read(string line)
    {
        using var json = JsonDocument.Parse(line);
        var message = json.RootElement;
        var type = message.GetProperty("$type").GetString();
        lock (_lock)
        {
            switch (type)
            {
                case "discovery-complete":
                    Planned = message.GetProperty("TestCasesToRun").GetInt32();
                    return null;
                case "test-starting":
                    var traits = message.GetProperty("Traits");
                    _started[Id(message)] = (
                        Text(message, "TestDisplayName") ?? "",
                        Text(message, "TestLabel") ?? "",
                        Trait(traits, "Category"),
                        Trait(traits, "Feature").FirstOrDefault() ?? "");
                    return null;
                case "test-passed":
                    _outcomes[Id(message)] = (VerdictOutcome.Passed, null);
                    return null;
                case "test-failed":
                    _outcomes[Id(message)] = (VerdictOutcome.Failed, FirstMessage(message) ?? "failed without a message");
                    return null;
                case "test-skipped":
                    _outcomes[Id(message)] = (VerdictOutcome.Skipped, Text(message, "Reason"));
                    return null;
                case "test-not-run":
                    _outcomes[Id(message)] = (VerdictOutcome.Skipped, "not run");
                    return null;
                case "test-finished":
                    return Finish(message);
                case "test-assembly-finished":
                    Finished = true;
                    return null;
                case "error-message" or "test-assembly-cleanup-failure" or "test-collection-cleanup-failure"
                    or "test-class-cleanup-failure" or "test-method-cleanup-failure" or "test-case-cleanup-failure" or "test-cleanup-failure":
                    RunErrors.Add(AuthorizerConformance.Gateway.Redaction.Redact($"{type}: {FirstMessage(message) ?? "no message"}"));
                    return null;
                default:
                    return null;
            }
        }
    }

    private ScenarioResult? Finish(JsonElement message)
    {
        var id = Id(message);
        if (!_started.Remove(id, out var test) || !_outcomes.Remove(id, out var outcome))
            return null;
        var seconds = message.TryGetProperty("ExecutionTime", out var time) && time.ValueKind == JsonValueKind.Number ? time.GetDouble() : 0;
        // xUnit names the test "Feature: Scenario"; the Feature trait says where the feature's name ends.
        var prefix = test.Feature + ": ";
        var scenario = test.Feature.Length > 0 && test.Name.StartsWith(prefix, StringComparison.Ordinal) ? test.Name[prefix.Length..] : test.Name;
        var labelSuffix = $" [{test.Label}]"; // xUnit shows a row's label after the name
        if (test.Label.Length > 0 && scenario.EndsWith(labelSuffix, StringComparison.Ordinal))
            scenario = scenario[..^labelSuffix.Length];
        var skipReason = outcome.Message?.Replace("$XunitDynamicSkip$", "", StringComparison.Ordinal);
        var result = new ScenarioResult(
            test.Feature, scenario, test.Label, test.Tags, subjects.Of(test.Feature, scenario), outcome.Outcome,
            skipReason is null ? null : AuthorizerConformance.Gateway.Redaction.Redact(skipReason), Math.Round(seconds, 3));
        Results.Add(result);
        return result;
    }

    private static string Id(JsonElement message) => message.GetProperty("TestUniqueID").GetString()!;

    private static string? Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Trait(JsonElement traits, string name) =>
        traits.ValueKind == JsonValueKind.Object && traits.TryGetProperty(name, out var values)
            ? [.. values.EnumerateArray().Select(v => v.GetString() ?? "")]
            : [];

    private static string? FirstMessage(JsonElement message) =>
        message.TryGetProperty("Messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
            ? messages[0].GetString()
            : Text(message, "Message");

    /// <summary>For the plain progress lines: <c>[ 12/668]</c>.</summary>
    public static string Counter(int done, int? planned) =>
        planned is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"[{done.ToString(CultureInfo.InvariantCulture).PadLeft(total.ToString(CultureInfo.InvariantCulture).Length)}/{total}]")
            : string.Create(CultureInfo.InvariantCulture, $"[{done}]");
}
