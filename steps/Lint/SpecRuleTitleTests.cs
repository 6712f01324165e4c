namespace AuthorizerConformance.Steps.Lint;

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
