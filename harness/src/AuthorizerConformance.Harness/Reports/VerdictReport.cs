using System.Globalization;
using System.Text;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Harness.Reports;

/// <summary>
/// Writes a run's verdict as Markdown: the counts, the failures first, then every scenario by feature with its outcome
/// and reason. Deterministic for the same verdicts (sorted, no times), so a committed report can be compared with a new
/// run. Reasons are redacted (one redaction routine) and cut to one line.
/// </summary>
public static class VerdictReport
{
    /// <summary>Reasons longer than this are cut.</summary>
    public const int MaxReasonLength = 300;

    /// <summary>The Markdown report of <paramref name="verdicts"/> for the authorizer <paramref name="subject"/>.</summary>
    /// <param name="title">The document's title.</param>
    /// <param name="subject">What was judged, e.g. the profile's name and function.</param>
    /// <param name="introduction">Paragraphs written before the counts (how the report was made and how to regenerate it).</param>
    /// <param name="verdicts">Every scenario's verdict.</param>
    public static string Markdown(string title, string subject, string introduction, IEnumerable<ScenarioVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var all = verdicts
            .Select(v => v with { Reason = Clean(v.Reason) })
            .OrderBy(v => v.Feature, StringComparer.Ordinal).ThenBy(v => v.Scenario, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("# ").AppendLine(title).AppendLine();
        text.AppendLine(introduction.Trim()).AppendLine();
        var count = (VerdictOutcome o) => all.Count(v => v.Outcome == o).ToString(CultureInfo.InvariantCulture);
        text.AppendLine(CultureInfo.InvariantCulture, $"**{subject}**: {count(VerdictOutcome.Passed)} passed, {count(VerdictOutcome.Failed)} failed, " +
            $"{count(VerdictOutcome.Skipped)} skipped (not applicable to this authorizer, never counted as passed), of {all.Count} scenarios.").AppendLine();

        text.AppendLine("## Failed").AppendLine();
        Table(text, all.Where(v => v.Outcome == VerdictOutcome.Failed), withFeature: true);

        text.AppendLine("## Every scenario").AppendLine();
        foreach (var feature in all.GroupBy(v => v.Feature))
        {
            text.Append("### ").AppendLine(feature.Key).AppendLine();
            Table(text, feature, withFeature: false);
        }
        return text.ToString();
    }

    private static void Table(StringBuilder text, IEnumerable<ScenarioVerdict> rows, bool withFeature)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            text.AppendLine("None.").AppendLine();
            return;
        }
        text.AppendLine(withFeature ? "| Feature | Scenario | Why |" : "| Scenario | Verdict | Why |");
        text.AppendLine(withFeature ? "|---|---|---|" : "|---|---|---|");
        foreach (var v in list)
        {
            text.AppendLine(withFeature
                ? $"| {Cell(v.Feature)} | {Cell(v.Scenario)} | {Cell(v.Reason ?? "")} |"
                : $"| {Cell(v.Scenario)} | {Word(v.Outcome)} | {Cell(v.Reason ?? "")} |");
        }
        text.AppendLine();
    }

    private static string Word(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Passed => "passed",
        VerdictOutcome.Failed => "**FAILED**",
        VerdictOutcome.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static string? Clean(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return null;
        var lines = AuthorizerConformance.Gateway.Redaction.Redact(reason).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // A first line that announces a list ("…: ") is joined with the list's first item.
        var line = lines.Length > 1 && lines[0].EndsWith(':') ? $"{lines[0]} {lines[1]}" : lines.FirstOrDefault() ?? "";
        return line.Length > MaxReasonLength ? line[..MaxReasonLength] + "…" : line;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
}
