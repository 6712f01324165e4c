namespace AuthorizerConformance.Policy.Tests.Hardening;

/// <summary>
/// Issue 16, defect 14: wildcard matching does not backtrack over the input. The patterns the probe used
/// (<c>*</c> + <c>?</c>×20000 + <c>b</c> against 2M characters; 20 resources of <c>…:*</c> + <c>?</c>×460 + <c>b</c>
/// against a 2 MB ARN) hung for seconds to minutes; each is now one pass over the input. The timeouts guard against
/// the hang (a bound, not a speed measurement); the answers are checked against a reference matcher.
/// </summary>
public class WildcardLinearityTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_star_then_many_question_marks_against_a_long_value_answers_at_once()
    {
        var pattern = "*" + new string('?', 20_000) + "b";
        var value = new string('a', 2_000_000);
        var policy = PolicyKit.One(condition: $$$"""{"StringLike":{"k":"{{{pattern}}}"}}""");
        var decision = await Task.Run(() => PolicyKit.Decide(policy, PolicyKit.GetUsers, context: PolicyKit.Context(("k", value))), TestContext.Current.CancellationToken);
        Assert.Equal(PolicyDecision.ImplicitDeny, decision);
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(policy, PolicyKit.GetUsers, context: PolicyKit.Context(("k", value + "b"))));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_same_pattern_as_an_action_answers_at_once()
    {
        var action = "execute-api:*" + new string('?', 20_000) + "b";
        var policy = PolicyKit.One(action: PolicyKit.Quote(action));
        var decision = await Task.Run(() => PolicyKit.Decide(policy, PolicyKit.GetUsers, action: "execute-api:" + new string('a', 2_000_000)),
            TestContext.Current.CancellationToken);
        Assert.Equal(PolicyDecision.ImplicitDeny, decision);
    }

    [Fact(Timeout = 30_000)]
    public async Task Twenty_question_mark_resources_against_a_long_arn_answer_at_once()
    {
        var resource = "arn:aws:execute-api:us-east-1:123456789012:*" + new string('?', 460) + "b";
        var statements = string.Join(",", Enumerable.Range(0, 20).Select(i =>
            $$"""{"Sid":"s{{i}}","Effect":"Allow","Action":"execute-api:Invoke","Resource":"{{resource}}"}"""));
        var policy = $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""";
        var arn = "arn:aws:execute-api:us-east-1:123456789012:" + new string('a', 2_000_000);
        var decision = await Task.Run(() => PolicyKit.Decide(policy, arn), TestContext.Current.CancellationToken);
        Assert.Equal(PolicyDecision.ImplicitDeny, decision);
    }

    [Theory]
    [InlineData("*a?c*", "xxabcyy", true)]
    [InlineData("*a?c*", "xxabyy", false)]
    [InlineData("a*b*c", "abbbc", true)]
    [InlineData("a*b*c", "acb", false)]
    [InlineData("?*?", "ab", true)]
    [InlineData("?*?", "a", false)]
    [InlineData("*??b", "ab", false)]
    [InlineData("*??b", "aab", true)]
    [InlineData("a*?b?*c", "aXbYc", true)]
    [InlineData("a*?b?*c", "abc", false)]
    [InlineData("*ab*ab*", "abab", true)]
    [InlineData("*ab*ab*", "aba", false)]
    [InlineData("*a*", "", false)]
    [InlineData("**", "", true)]
    [InlineData("x*a?a?b", "xaaaaaab", true)]
    [InlineData("x*a?a?b", "xaaaaaa", false)]
    public void Answers_equal_a_reference_matcher(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, Reference(pattern, text));
        Assert.Equal(expected, Glob.Compile(pattern, ignoreCase: false).IsMatch(text));
    }

    [Fact]
    public void Random_patterns_agree_with_the_reference_matcher()
    {
        var random = new Random(16);
        for (var n = 0; n < 5000; n++)
        {
            var pattern = new string([.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => "ab*?"[random.Next(4)])]);
            var text = new string([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => "ab"[random.Next(2)])]);
            Assert.True(Reference(pattern, text) == Glob.Compile(pattern, ignoreCase: false).IsMatch(text), $"'{pattern}' vs '{text}'");
        }
    }

    /// <summary>The textbook dynamic program: obviously right, quadratic, for small cases only.</summary>
    private static bool Reference(string p, string t)
    {
        var dp = new bool[p.Length + 1, t.Length + 1];
        dp[0, 0] = true;
        for (var i = 1; i <= p.Length; i++)
        {
            for (var j = 0; j <= t.Length; j++)
            {
                dp[i, j] = p[i - 1] == '*' ? dp[i - 1, j] || (j > 0 && dp[i, j - 1])
                    : j > 0 && dp[i - 1, j - 1] && (p[i - 1] == '?' || p[i - 1] == t[j - 1]);
            }
        }
        return dp[p.Length, t.Length];
    }
}
