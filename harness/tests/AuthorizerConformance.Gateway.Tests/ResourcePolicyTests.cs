namespace AuthorizerConformance.Gateway.Tests;

public class ResourcePolicyTests
{
    private static Kit Stage(string statements, string outcomes) => Kit.RestToken(outcomes,
        extraApi: $$""", "resourcePolicy": {"Version": "2012-10-17", "Statement": {{statements}} }""");

    private const string AllowAnyone = """{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}""";

    [Fact]
    public async Task POL_11_resource_policy_explicit_deny_is_checked_before_invoking_the_authorizer()
    {
        var kit = Stage($$"""[{{AllowAnyone}}, {"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"} } }]""", Outputs.AllowAll);
        var result = await kit.Token();
        Expect.Rejected(result, 403, FailureCodes.ResourcePolicyDeny);
        Assert.Equal(Policy.PolicyDecision.ExplicitDeny, result.ResourcePolicyDecision);
        Assert.Equal(0, kit.Invocations());
    }

    [Fact]
    public async Task POL_11_authorizer_deny_wins_over_resource_policy_allow()
    {
        var result = await Stage($"[{AllowAnyone}]", Outputs.Return(Outputs.Policy("Deny", "*"))).Token();
        Expect.Rejected(result, 403, FailureCodes.PolicyExplicitDeny);
        Assert.Equal(Policy.PolicyDecision.Allow, result.ResourcePolicyDecision);
    }

    [Fact]
    public async Task POL_11_same_account_allow_from_either_side_is_enough()
    {
        var resourceAllows = await Stage($"[{AllowAnyone}]", Outputs.Return(Outputs.Policy("Allow", "arn:aws:execute-api:*:*:other/*"))).Token();
        Expect.Admitted(resourceAllows);
        Assert.Equal(Policy.PolicyDecision.ImplicitDeny, resourceAllows.Decision);
        var authorizerAllows = await Stage("""[{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:other/*"}]""", Outputs.AllowAll).Token();
        Expect.Admitted(authorizerAllows);
        Assert.Equal(Policy.PolicyDecision.ImplicitDeny, authorizerAllows.ResourcePolicyDecision);
    }

    [Fact]
    public async Task POL_11_neither_side_allowing_is_an_implicit_deny()
    {
        var result = await Stage("""[{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:other/*"}]""",
            Outputs.Return(Outputs.Policy("Allow", "arn:aws:execute-api:*:*:other/*"))).Token();
        Expect.Rejected(result, 403, FailureCodes.PolicyImplicitDeny);
    }

    [Fact]
    public async Task POL_11_statements_for_other_principals_do_not_apply_to_the_anonymous_caller()
    {
        var result = await Stage("""[{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "execute-api:Invoke", "Resource": "*"}]""", Outputs.AllowAll).Token();
        Expect.Admitted(result);
    }

    [Fact]
    public void POL_11_an_invalid_resource_policy_is_a_scenario_error_with_its_path()
    {
        var parsed = Scenarios.ScenarioParser.Parse("""{"api": {"type": "REST", "routes": [], "resourcePolicy": {"Statement": [{"Effect": "Maybe", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]}}, "requests": []}""");
        Assert.Equal("api.resourcePolicy.Statement[0].Effect", parsed.Error!.Path);
    }
}
