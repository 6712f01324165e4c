namespace AuthorizerConformance.Policy.Tests;

/// <summary>§1.1–1.2 shapes that are valid, including the points where sources disagree (recorded in docs/policy-semantics.md).</summary>
public class DocumentShapeTests
{
    [Fact]
    public void Statement_as_a_single_object_is_accepted_and_flagged_POL_9()
    {
        // Disputed (§1.8 item 3): IAM grammar allows an object; SAM CLI and serverless-offline reject it.
        // Chosen: accept, as IAM does, and flag it on CompiledPolicy.StatementWasObject.
        var policy = PolicyKit.Compile("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}}""");

        Assert.True(policy.StatementWasObject);
        Assert.Equal(PolicyDecision.Allow, policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, PolicyKit.GetUsers)).Decision);
    }

    [Fact]
    public void An_error_in_a_single_statement_object_has_the_path_without_an_index()
    {
        var errors = PolicyKit.Errors("""{"Statement":{"Effect":"allow","Action":"*","Resource":"*"}}""");

        Assert.Contains(errors, e => e.Path == "Statement.Effect");
    }

    [Theory]
    [InlineData("\"2012-10-17\"")]
    [InlineData("\"2008-10-17\"")]
    public void Both_versions_are_accepted(string version) =>
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.One(version: version), PolicyKit.GetUsers));

    [Fact]
    public void Version_may_be_absent() =>
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide("""{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", PolicyKit.GetUsers));

    [Fact]
    public void Id_is_accepted_and_kept()
    {
        // IAM forbids Id in identity policies; API Gateway says nothing. Chosen: accept (it has no effect on decisions).
        var policy = PolicyKit.Compile("""{"Id":"my-policy","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

        Assert.Equal("my-policy", policy.Id);
    }

    [Fact]
    public void Any_Sid_string_is_accepted_by_default_and_duplicates_too()
    {
        // Disputed: IAM allows only A-Z a-z 0-9 in Sids; API Gateway states nothing. Chosen default: accept any string,
        // because a stricter rule would turn working authorizers into 500s in the emulator. StrictSid applies IAM's rule.
        var json = """{"Statement":[{"Sid":"allow users-1","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"allow users-1","Effect":"Allow","Action":"*","Resource":"*"}]}""";

        var evaluation = PolicyKit.Evaluate(json, PolicyKit.GetUsers);

        Assert.Equal(PolicyDecision.Allow, evaluation.Decision);
        Assert.All(evaluation.DecidingStatements, d => Assert.Equal("allow users-1", d.Sid));
    }

    [Fact]
    public void StrictSid_rejects_non_alphanumeric_and_duplicate_Sids()
    {
        var strict = PolicyOptions.Default with { StrictSid = true };
        var json = """{"Statement":[{"Sid":"a-b","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"S1","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"S1","Effect":"Allow","Action":"*","Resource":"*"}]}""";

        var paths = PolicyKit.Errors(json, strict).Select(e => e.Path);

        Assert.Equal(["Statement[0].Sid", "Statement[2].Sid"], paths);
    }

    [Fact]
    public void A_non_string_Sid_is_invalid() =>
        Assert.Contains(PolicyKit.Errors("""{"Statement":[{"Sid":1,"Effect":"Allow","Action":"*","Resource":"*"}]}"""), e => e.Path == "Statement[0].Sid");

    [Fact]
    public void Action_and_Resource_accept_a_string_or_an_array_POL_3()
    {
        var asString = PolicyKit.Decide(PolicyKit.One(action: "\"execute-api:Invoke\"", resource: PolicyKit.Quote(PolicyKit.GetUsers)), PolicyKit.GetUsers);
        var asArray = PolicyKit.Decide(PolicyKit.One(action: "[\"execute-api:Invoke\"]", resource: $"[{PolicyKit.Quote(PolicyKit.GetUsers)}]"), PolicyKit.GetUsers);

        Assert.Equal(PolicyDecision.Allow, asString);
        Assert.Equal(PolicyDecision.Allow, asArray);
    }

    [Fact]
    public void Elements_may_come_in_any_order() =>
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide("""{"Statement":[{"Resource":"*","Action":"*","Effect":"Allow","Sid":"x"}],"Version":"2012-10-17"}""", PolicyKit.GetUsers));

    [Fact]
    public void An_empty_Condition_object_means_no_condition() =>
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(PolicyKit.One(condition: "{}"), PolicyKit.GetUsers));
}
