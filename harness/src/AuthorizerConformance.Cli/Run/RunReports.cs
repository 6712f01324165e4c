namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// The files of <c>--report DIR</c>: <c>junit.xml</c> and <c>summary.md</c> (written here), beside
/// <c>conformance.html</c> and <c>conformance.ndjson</c> (the suite's Cucumber formatters write those during the run)
/// and <c>lint.md</c>. <c>summary.md</c> is also appended to <c>$GITHUB_STEP_SUMMARY</c> when that is set.
/// </summary>
internal static class RunReports
{
    public static async Task WriteAsync(RunResult run, string directory, TextWriter stdout, CancellationToken cancel)
    {
        JUnitReport.Write(JUnitReport.Create(run, DateTimeOffset.UtcNow), Path.Combine(directory, "junit.xml"));
        var summary = SummaryMarkdown.Create(run);
        await File.WriteAllTextAsync(Path.Combine(directory, "summary.md"), summary, cancel).ConfigureAwait(false);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
            await File.AppendAllTextAsync(stepSummary, summary + Environment.NewLine, cancel).ConfigureAwait(false);
        foreach (var name in new[] { "junit.xml", "conformance.html", "conformance.ndjson", "summary.md" })
        {
            var path = Path.Combine(directory, name);
            await stdout.WriteLineAsync(File.Exists(path) ? $"report: {path}" : $"report: {path} was not written").ConfigureAwait(false);
        }
    }
}
