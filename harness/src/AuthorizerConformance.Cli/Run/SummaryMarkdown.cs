using System.Text;
using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// <c>summary.md</c>, for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>: the two verdicts (the authorizer
/// under test; API Gateway's rules), the table by feature area, the skip reasons with their counts, every failure
/// with its explanation, and the run's lint section.
/// </summary>
public static class SummaryMarkdown
{
    /// <summary>The Markdown for <paramref name="run"/>.</summary>
    public static string Create(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.AppendLine($"# Authorizer conformance: {(run.Passed ? "passed" : "FAILED")}").AppendLine();
        foreach (var subject in Enum.GetValues<ScenarioSubject>())
            text.AppendLine($"- **{run.Title(subject)}**: {run.Verdict(subject)}");
        foreach (var error in run.RunErrors)
            text.AppendLine($"- **Run error**: {Cell(error)}");
        text.AppendLine();

        text.AppendLine("| Feature | Judges | Passed | Failed | Skipped |").AppendLine("|---|---|---:|---:|---:|");
        foreach (var area in RunConsole.Areas(run))
            text.AppendLine($"| {Cell(area.Feature)} | {Judges(area.Subject)} | {area.Passed} | {area.Failed} | {area.Skipped} |");
        text.AppendLine();

        var skipped = RunConsole.SkipReasons(run);
        if (skipped.Count > 0)
        {
            text.AppendLine("## Skipped, by reason").AppendLine().AppendLine("| Scenarios | Reason |").AppendLine("|---:|---|");
            foreach (var (reason, count) in skipped)
                text.AppendLine($"| {count} | {Cell(reason)} |");
            text.AppendLine();
        }

        var failures = run.Scenarios.Where(s => s.Outcome == VerdictOutcome.Failed).ToList();
        text.AppendLine("## Failures").AppendLine();
        if (failures.Count == 0)
            text.AppendLine("None.").AppendLine();
        foreach (var failure in failures)
        {
            text.AppendLine($"### {failure.DisplayName}").AppendLine();
            text.AppendLine($"Judges: {Judges(failure.Subject)}").AppendLine();
            text.AppendLine("```text").AppendLine((failure.Message ?? "").Replace("```", "'''", StringComparison.Ordinal).TrimEnd()).AppendLine("```").AppendLine();
        }

        // The lint section: the run's reports/lint.md (SessionLint.Markdown) one heading level down.
        text.AppendLine(string.Join(Environment.NewLine, run.LintMarkdown.TrimEnd().Split('\n')
            .Select(line => line.StartsWith('#') ? "#" + line.TrimEnd('\r') : line.TrimEnd('\r'))));
        return text.ToString();
    }

    /// <summary>The subject's short name: <c>authorizer under test</c> or <c>API Gateway (scripted)</c>.</summary>
    public static string Judges(ScenarioSubject subject) => subject switch
    {
        ScenarioSubject.AuthorizerUnderTest => "authorizer under test",
        ScenarioSubject.GatewayEmulation => "API Gateway (scripted)",
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, null),
    };

    private static string Cell(string text) =>
        text.Split('\n')[0].TrimEnd('\r').Replace("|", "\\|", StringComparison.Ordinal);
}
