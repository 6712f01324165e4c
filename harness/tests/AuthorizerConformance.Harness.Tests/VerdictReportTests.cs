using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Harness.Tests;

public class VerdictReportTests
{
    private static readonly ScenarioVerdict[] Verdicts =
    [
        new("Token validation", "B scenario", VerdictOutcome.Failed, "Expected 500, got 401 (failure: authorizer-unauthorized).\n   at Some.Stack()"),
        new("Caching", "A | piped", VerdictOutcome.Passed, null),
        new("Token validation", "A scenario", VerdictOutcome.Skipped, "Not applicable to the profile 'x': its context is \"none\"."),
        new("Output lint", "C", VerdictOutcome.Failed, "the output has lint findings:\n  call 1: AZL001 …\n  call 2: …"),
    ];

    [Fact]
    public void The_report_counts_lists_failures_first_and_every_scenario_sorted_by_feature()
    {
        var report = VerdictReport.Markdown("Title", "subject", "Intro.", Verdicts);

        Assert.Contains("**subject**: 1 passed, 2 failed, 1 skipped", report, StringComparison.Ordinal);
        Assert.Contains("| Token validation | B scenario | Expected 500, got 401 (failure: authorizer-unauthorized). |", report, StringComparison.Ordinal);
        Assert.Contains("| Output lint | C | the output has lint findings: call 1: AZL001 … |", report, StringComparison.Ordinal);
        Assert.Contains("| A \\| piped | passed |  |", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Some.Stack", report, StringComparison.Ordinal);
        Assert.True(report.IndexOf("### Caching", StringComparison.Ordinal) < report.IndexOf("### Token validation", StringComparison.Ordinal));
        Assert.True(report.IndexOf("| A scenario | skipped", StringComparison.Ordinal) < report.IndexOf("| B scenario | **FAILED**", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_verdicts_in_another_order_give_the_same_report() =>
        Assert.Equal(VerdictReport.Markdown("T", "s", "i", Verdicts), VerdictReport.Markdown("T", "s", "i", Verdicts.Reverse()));

    [Fact]
    public void A_token_in_a_reason_is_redacted()
    {
        const string token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJlLW9mLXRoaXMtdG9rZW4";

        var report = VerdictReport.Markdown("T", "s", "i", [new("F", "S", VerdictOutcome.Failed, $"got {token}")]);

        Assert.DoesNotContain(token, report, StringComparison.Ordinal);
        Assert.DoesNotContain("c2lnbmF0dXJlLW9mLXRoaXMtdG9rZW4", report, StringComparison.Ordinal);
    }
}
