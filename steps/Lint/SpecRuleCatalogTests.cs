namespace AuthorizerConformance.Steps.Lint;

/// <summary>The rule catalogue the lint reads from docs/spec is what the spec says.</summary>
public class SpecRuleCatalogTests
{
    private static readonly IReadOnlyDictionary<string, SpecRule> Rules = SpecRuleCatalog.Load(ConformanceLint.SpecDirectory);

    [Theory]
    [InlineData("TOK-6", true)]    // H
    [InlineData("TOK-8", false)]   // L only
    [InlineData("OUT-3", true)]    // L in its bullet, M in section N
    [InlineData("GWR-5", true)]    // added by section N
    [InlineData("POL-12", true)]   // added by section N's "Evidence update 2" (H)
    [InlineData("TIA-1", false)]   // TestInvokeAuthorizer needs a deployed stage
    [InlineData("IAM-1.4", true)]  // the IAM spec's §1 subsections
    public void Rules_carry_their_confidence_from_the_spec(string id, bool requiresScenario) =>
        Assert.Equal(requiresScenario, Rules[id].RequiresScenario);

    [Theory]
    [InlineData("KC-401")] // a source of the spec, not a rule
    [InlineData("D-OUT")]
    [InlineData("IAM-1.9")] // the sources subsection
    public void Source_tags_and_other_table_rows_are_not_rules(string id) => Assert.False(Rules.ContainsKey(id));

    [Fact]
    public void Every_rule_bullet_of_the_API_Gateway_spec_is_read() =>
        Assert.Equal(93 + 3, Rules.Keys.Count(k => !k.StartsWith("IAM-", StringComparison.Ordinal))); // 93 bullets + GWR-5, CAC-10, POL-12

    [Theory]
    // "Evidence update 2": "| New POL-12 |" (H, M, L in its text) and "| POL-11 (message) |" (M and L), whose qualifier in
    // parentheses is lower-case; POL-11's own bullet is H only, so its M and L can only come from that row.
    [InlineData("POL-12", "H/L/M")]
    [InlineData("POL-11", "H/L/M")] // M for the message, L for the "Neither + Neither" text
    [InlineData("CAC-10", "L")] // "| New CAC-10 (HTTP) |"
    public void Rows_of_the_evidence_updates_are_read_with_their_qualifier(string id, string confidences) =>
        Assert.Equal(confidences, Rules[id].ConfidenceText);
}
