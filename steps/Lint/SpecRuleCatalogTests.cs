using System.Reflection;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>The rule catalogue the lint reads from docs/spec is what the spec says.</summary>
public class SpecRuleCatalogTests
{
    private static readonly IReadOnlyDictionary<string, SpecRule> Rules = SpecRuleCatalog.Load(
        typeof(SpecRuleCatalogTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SpecDirectory").Value!);

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

/// <summary>Rule titles and "did you mean" ids for an unknown <c>@rule:</c> tag.</summary>
public class SpecRuleTitleTests
{
    private static readonly IReadOnlyDictionary<string, SpecRule> Rules = ConformanceLint.Instance.Rules;

    [Theory]
    [InlineData("TOK-6", "If the header is missing, null or empty, API Gateway returns 401 `{\"message\":\"Unauthorized\"}` and does not invoke the authorizer (and writes no execution log).")]
    [InlineData("IAM-1.4", "Resource matching and wildcards")]
    [InlineData("GWR-5", "The default ACCESS_DENIED rendering must not follow the listed default template's lower-case `message`; special-case it.")]
    public void A_rule_title_is_the_first_sentence_of_its_text_without_sources_or_confidence(string id, string title) =>
        Assert.Equal(title, Rules[id].Title);

    [Fact]
    public void Every_rule_has_a_one_line_title() =>
        Assert.All(Rules.Values, r => Assert.True(r.Title.Length is > 0 and <= 160 && !r.Title.Contains('\n', StringComparison.Ordinal), $"{r.Id}: '{r.Title}'"));

    [Theory]
    [InlineData("CTX-99", "CTX-7")]  // past the last rule: the highest of the family first
    [InlineData("TOK-66", "TOK-6")]  // a doubled digit
    [InlineData("TKO-6", "TOK-6")]   // a transposed prefix
    public void An_unknown_id_suggests_the_nearest_rules_first(string id, string nearest) =>
        Assert.Equal(nearest, SpecRuleCatalog.Nearest(Rules, id)[0].Id);

    [Theory]
    [InlineData("TOK-8", true, false)]   // L only: @verify-on-aws required
    [InlineData("TOK-6", false, true)]   // H: @verify-on-aws not allowed alone
    [InlineData("OUT-3", false, false)]  // L and M (section N): either
    public void The_confidence_decides_verify_on_aws(string id, bool lowOnly, bool firm)
    {
        Assert.Equal(lowOnly, Rules[id].IsLowOnly);
        Assert.Equal(firm, Rules[id].IsFirm);
    }
}
