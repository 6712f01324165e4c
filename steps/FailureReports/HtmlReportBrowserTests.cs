using System.Net;
using System.Text.RegularExpressions;

namespace AuthorizerConformance.Steps.FailureReports;

/// <summary>
/// The Cucumber HTML report of the planted-failure run, rendered by headless chromium: under each failing step the
/// named difference, the reproduction and the explanation are visible (not folded into a hook or a closed
/// disclosure), the explanation is attached to that step, and no framework frame is rendered for an expectation
/// failure, while the harness error keeps its stack trace.
/// </summary>
public partial class HtmlReportBrowserTests
{
    [Fact]
    public async Task The_rendered_report_shows_every_failure_at_its_step_without_framework_frames()
    {
        var run = await PlantedRun.Get();

        var dom = await Chromium.DumpDomAsync(run.HtmlReport);
        var visible = VisibleText(dom);
        var sections = Sections(visible);
        foreach (var row in PlantedFailureTests.Kinds)
        {
            var (scenario, difference) = ((string)row.Data.Item1, (string)row.Data.Item2);
            var section = sections.TryGetValue(scenario, out var s) ? s : throw new InvalidOperationException($"The report shows no scenario '{scenario}'.");
            Assert.Contains(Normalize(difference), section, StringComparison.Ordinal);
            PlantedFailureTests.AssertFrameFree(section);
            if (scenario is not ("IAM decision" or "set-up check"))
            {
                Assert.Contains("reproduce: authz simulate ", section, StringComparison.Ordinal);
                Assert.Contains("What happened (target 'reference'): API set-up: {", section, StringComparison.Ordinal);
                // The explanation file is attached to the failing step (after its message, before the next scenario), not to a hook.
                Assert.Contains($"-{Slug(scenario)}.what-happened.txt", section, StringComparison.Ordinal);
            }
        }
        Assert.Contains("at Reqnroll.", sections["harness error"], StringComparison.Ordinal);
        Assert.DoesNotContain("what-happened", sections["passing"], StringComparison.Ordinal);
    }

    /// <summary>
    /// The text a reader sees: no scripts or styles, and nothing inside a <c>details</c> element except its summary
    /// (the report renders disclosures closed); tags become spaces, whitespace is collapsed.
    /// </summary>
    private static string VisibleText(string dom)
    {
        var text = Hidden().Replace(dom, " ");
        text = ClosedDetails().Replace(text, m => " " + m.Groups["summary"].Value + " ");
        return Normalize(WebUtility.HtmlDecode(Tag().Replace(text, " ")));
    }

    private static Dictionary<string, string> Sections(string visible) =>
        visible.Split("Scenario: ").Skip(1)
            .Select(section => (Title: Title().Match(section).Groups["title"].Value, Text: section))
            .ToDictionary(s => s.Title, s => s.Text, StringComparer.Ordinal);

    private static string Slug(string scenario) => scenario.Replace(' ', '-');

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<details(?![^>]*\bopen\b)[^>]*>.*?<summary[^>]*>(?<summary>.*?)</summary>.*?</details>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ClosedDetails();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A scenario's title: the text before its first step keyword.</summary>
    [GeneratedRegex(@"^(?<title>.+?) (Given|When|Then) ")]
    private static partial Regex Title();
}
