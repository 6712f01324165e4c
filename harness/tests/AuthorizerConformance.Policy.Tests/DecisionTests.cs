namespace AuthorizerConformance.Policy.Tests;

/// <summary>§1.7, POL-1: explicit Deny beats Allow beats implicit deny; deciding statements and explanations.</summary>
public class DecisionTests
{
    private const string TwoAllowsTwoDenies = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AllowAll","Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"},
          {"Sid":"DenyUsers","Effect":"Deny","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/users"},
          {"Effect":"Deny","Action":"*","Resource":"arn:aws:execute-api:*:*:*/prod/GET/*"},
          {"Sid":"AllowProd","Effect":"Allow","Action":"execute-api:*","Resource":"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*"},
          {"Sid":"Other","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}
        ]}
        """;

    [Fact]
    public void A_matching_Deny_beats_every_Allow_and_all_matching_Denies_decide()
    {
        var evaluation = PolicyKit.Evaluate(TwoAllowsTwoDenies, PolicyKit.GetUsers);

        Assert.Equal(PolicyDecision.ExplicitDeny, evaluation.Decision);
        Assert.Equal([new DecidingStatement(1, "DenyUsers", PolicyEffect.Deny), new DecidingStatement(2, null, PolicyEffect.Deny)],
            evaluation.DecidingStatements);
    }

    [Fact]
    public void All_matching_Allows_decide_when_no_Deny_matches()
    {
        var evaluation = PolicyKit.Evaluate(TwoAllowsTwoDenies, PolicyKit.Api + "/prod/POST/users");

        Assert.Equal(PolicyDecision.Allow, evaluation.Decision);
        Assert.Equal([0, 3], evaluation.DecidingStatements.Select(d => d.Index));
        Assert.All(evaluation.DecidingStatements, d => Assert.Equal(PolicyEffect.Allow, d.Effect));
    }

    [Fact]
    public void Each_statement_that_did_not_match_says_why()
    {
        var evaluation = PolicyKit.Evaluate(TwoAllowsTwoDenies, PolicyKit.Api + "/prod/POST/users");

        Assert.Equal(
            [(1, MismatchReason.Resource), (2, MismatchReason.Resource), (4, MismatchReason.Action)],
            evaluation.NotMatched.Select(m => (m.Index, m.Reason)));
        var action = evaluation.NotMatched.Single(m => m.Index == 4);
        Assert.Equal("Other", action.Sid);
        Assert.Contains("s3:GetObject", action.Detail, StringComparison.Ordinal);
        Assert.Contains("execute-api:Invoke", action.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_matching_is_an_implicit_deny_with_no_deciding_statement()
    {
        var evaluation = PolicyKit.Evaluate(PolicyKit.Allow(PolicyKit.Api + "/prod/GET/orders"), PolicyKit.GetUsers);

        Assert.Equal(PolicyDecision.ImplicitDeny, evaluation.Decision);
        Assert.Empty(evaluation.DecidingStatements);
        var mismatch = Assert.Single(evaluation.NotMatched);
        Assert.Equal(MismatchReason.Resource, mismatch.Reason);
        Assert.Contains("/prod/GET/orders", mismatch.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Deny_alone_that_does_not_match_is_an_implicit_deny() =>
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.One(effect: "Deny", resource: "\"arn:aws:execute-api:*:*:*/test/*\""), PolicyKit.GetUsers));

    [Fact]
    public void A_Deny_is_honoured_even_after_an_Allow_star_the_SAM_CLI_bug()
    {
        var json = """{"Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"},{"Effect":"Deny","Action":"execute-api:Invoke","Resource":"*"}]}""";

        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyKit.Decide(json, PolicyKit.GetUsers));
    }

    [Fact]
    public void The_Action_is_checked_the_serverless_offline_bug() =>
        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(PolicyKit.One(action: "\"execute-api:InvalidateCache\""), PolicyKit.GetUsers));

    [Fact]
    public void A_compiled_policy_is_reused_across_requests_and_threads()
    {
        var policy = PolicyKit.Compile(TwoAllowsTwoDenies);
        var requests = Enumerable.Range(0, 200).Select(i => new PolicyRequest(PolicyKit.Invoke, i % 2 == 0 ? PolicyKit.GetUsers : PolicyKit.Api + "/prod/POST/x")).ToArray();

        var decisions = requests.AsParallel().AsOrdered().Select(r => policy.Evaluate(r).Decision).ToArray();

        Assert.Equal(requests.Select((_, i) => i % 2 == 0 ? PolicyDecision.ExplicitDeny : PolicyDecision.Allow), decisions);
    }

    [Fact]
    public void More_than_the_stack_limit_of_statements_is_evaluated()
    {
        var statements = Enumerable.Range(0, 300).Select(i => $$"""{"Sid":"S{{i}}","Effect":"Allow","Action":"*","Resource":"{{PolicyKit.Api}}/prod/GET/p{{i}}"}""");
        var policy = PolicyKit.Compile($$"""{"Statement":[{{string.Join(",", statements)}}]}""");

        var evaluation = policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, PolicyKit.Api + "/prod/GET/p299"));

        Assert.Equal(new DecidingStatement(299, "S299", PolicyEffect.Allow), Assert.Single(evaluation.DecidingStatements));
        Assert.Equal(299, evaluation.NotMatched.Count);
    }
}

/// <summary>Policies past 64 statements keep their matched set in an array instead of one word's bits.</summary>
public class ManyStatementTests
{
    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    public void Every_matching_statement_of_the_winning_effect_is_reported_whatever_the_count(int count)
    {
        // Statements 0, 7, 14, … allow the request; the others name another path; the last one denies when the request
        // is a DELETE.
        var statements = Enumerable.Range(0, count).Select(i => i == count - 1
            ? $$"""{"Sid":"D{{i}}","Effect":"Deny","Action":"execute-api:Invoke","Resource":"{{PolicyKit.Api}}/prod/DELETE/*"}"""
            : $$"""{"Sid":"S{{i}}","Effect":"Allow","Action":"execute-api:Invoke","Resource":"{{PolicyKit.Api}}/prod/GET/{{(i % 7 == 0 ? "users" : "other" + i)}}"}""");
        var policy = PolicyKit.Compile($$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""");

        var allowed = policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, PolicyKit.GetUsers));
        var denied = policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, PolicyKit.Api + "/prod/DELETE/users"));

        Assert.Equal(PolicyDecision.Allow, allowed.Decision);
        Assert.Equal(Enumerable.Range(0, count - 1).Where(i => i % 7 == 0), allowed.DecidingStatements.Select(s => s.Index).Order());
        Assert.Equal(count - allowed.DecidingStatements.Count, allowed.NotMatched.Count);
        Assert.Equal(PolicyDecision.ExplicitDeny, denied.Decision);
        Assert.Equal($"D{count - 1}", Assert.Single(denied.DecidingStatements).Sid);
    }
}
