using AuthorizerConformance.Harness.Reports;
using Spectre.Console;

namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// What <c>authz run</c> prints after the run: the table by feature area (passed / failed / skipped), the skip
/// reasons, the two verdicts, and each failure's explanation (already redacted).
/// </summary>
public static class RunConsole
{
    /// <summary>One feature area's counts, per subject.</summary>
    public sealed record Area(string Feature, ScenarioSubject Subject, int Passed, int Failed, int Skipped);

    /// <summary>The counts by feature and subject, ordered by feature.</summary>
    public static IReadOnlyList<Area> Areas(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. run.Scenarios.GroupBy(s => (s.Feature, s.Subject))
            .OrderBy(g => g.Key.Feature, StringComparer.Ordinal).ThenBy(g => g.Key.Subject)
            .Select(g => new Area(g.Key.Feature, g.Key.Subject, RunResult.Count(g, VerdictOutcome.Passed),
                RunResult.Count(g, VerdictOutcome.Failed), RunResult.Count(g, VerdictOutcome.Skipped)))];
    }

    /// <summary>Each distinct skip reason (first line) with how many scenarios it skipped, most first.</summary>
    public static IReadOnlyList<(string Reason, int Count)> SkipReasons(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. run.Scenarios.Where(s => s.Outcome == VerdictOutcome.Skipped)
            .GroupBy(s => (s.Message ?? "skipped").Split('\n')[0].Trim())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))];
    }

    /// <summary>Writes the summary to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        var failures = run.Scenarios.Where(s => s.Outcome == VerdictOutcome.Failed).ToList();
        foreach (var failure in failures)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[red]FAILED[/] {failure.DisplayName}  [grey]({SummaryMarkdown.Judges(failure.Subject)})[/]");
            console.WriteLine(Indent(failure.Message ?? "failed without a message"));
        }
        foreach (var error in run.RunErrors)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[red]RUN ERROR[/] {error}");
        }

        var table = new Table().Title("Scenarios by feature area")
            .AddColumn("Feature").AddColumn("Judges").AddColumn(new TableColumn("Passed").RightAligned())
            .AddColumn(new TableColumn("Failed").RightAligned()).AddColumn(new TableColumn("Skipped").RightAligned());
        foreach (var area in Areas(run))
        {
            table.AddRow(Markup.Escape(area.Feature), SummaryMarkdown.Judges(area.Subject), area.Passed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                area.Failed == 0 ? "0" : $"[red]{area.Failed}[/]", area.Skipped.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        console.WriteLine();
        console.Write(table);

        var reasons = SkipReasons(run);
        if (reasons.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("Skipped, by reason:");
            foreach (var (reason, count) in reasons)
                console.WriteLine($"  {count,4}  {reason}");
        }
        console.WriteLine();
        foreach (var subject in Enum.GetValues<ScenarioSubject>())
            console.MarkupLineInterpolated($"[bold]{run.Title(subject)}[/]: {run.Verdict(subject)}");
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.TrimEnd().Split('\n').Select(line => "    " + line.TrimEnd('\r')));
}
