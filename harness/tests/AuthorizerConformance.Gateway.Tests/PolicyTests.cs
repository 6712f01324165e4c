namespace AuthorizerConformance.Gateway.Tests;

public class PolicyTests
{
    private static Kit With(string statements) =>
        Kit.RestToken(Outputs.Return($$"""{"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": {{statements}} } }"""));

    [Fact]
    public async Task POL_1_explicit_deny_beats_allow_with_the_explicit_deny_message()
    {
        var kit = With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}, {"Sid": "NoPets", "Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:*:*:abc123/*/GET/pets/*"}]""");
        var result = await kit.Token();
        Expect.Rejected(result, 403, FailureCodes.PolicyExplicitDeny);
        Assert.Equal("""{"Message":"User is not authorized to access this resource with an explicit deny"}""", result.Body);
        Assert.Equal(Policy.PolicyDecision.ExplicitDeny, result.Decision);
        Assert.Equal("NoPets", Assert.Single(result.DecidingStatements).Sid);
    }

    [Fact]
    public async Task POL_1_nothing_matching_is_an_implicit_deny_403()
    {
        var kit = With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/pets"}]""");
        var result = await kit.Token();
        Expect.Rejected(result, 403, FailureCodes.PolicyImplicitDeny);
        Assert.Equal("""{"Message":"User is not authorized to access this resource"}""", result.Body);
        Assert.Equal("AccessDeniedException", result.Headers["x-amzn-ErrorType"]);
        Assert.Empty(result.DecidingStatements);
    }

    [Theory]
    [InlineData("execute-api:Invoke")]
    [InlineData("execute-api:*")]
    [InlineData("*")]
    public async Task POL_2_invoke_execute_api_star_and_star_actions_allow(string action)
    {
        var kit = With($$"""[{"Effect": "Allow", "Action": "{{action}}", "Resource": "*"}]""");
        Expect.Admitted(await kit.Token());
    }

    [Fact]
    public async Task POL_2_another_action_does_not_allow()
    {
        var kit = With("""[{"Effect": "Allow", "Action": "execute-api:InvalidateCache", "Resource": "*"}]""");
        Expect.Rejected(await kit.Token(), 403, FailureCodes.PolicyImplicitDeny);
    }

    [Fact]
    public async Task POL_3_action_and_resource_may_be_arrays()
    {
        var kit = With("""[{"Effect": "Allow", "Action": ["s3:GetObject", "execute-api:Invoke"], "Resource": ["arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/pets", "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42"]}]""");
        Expect.Admitted(await kit.Token());
    }

    [Fact]
    public async Task POL_4_star_crosses_slashes_and_question_mark_is_one_character()
    {
        Expect.Admitted(await With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:*:abc123/*"}]""").Token());
        Expect.Admitted(await With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/4?"}]""").Token());
        Expect.Rejected(await With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/?"}]""").Token(), 403, FailureCodes.PolicyImplicitDeny);
    }

    [Fact]
    public async Task POL_5_resource_matching_is_case_sensitive_and_literal()
    {
        Expect.Rejected(await With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/get/pets/42"}]""").Token(), 403, FailureCodes.PolicyImplicitDeny);
        Expect.Rejected(await With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/4."}]""").Token(), 403, FailureCodes.PolicyImplicitDeny);
    }

    [Fact]
    public async Task POL_6_condition_on_source_ip_is_evaluated()
    {
        var kit = With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "198.51.100.0/24"}}}]""");
        var inside = await kit.Send(new ClientRequest { Method = "GET", Path = "/pets/1", SourceIp = "198.51.100.7", Headers = [new("Authorization", "a")] });
        var outside = await kit.Send(new ClientRequest { Method = "GET", Path = "/pets/1", SourceIp = "203.0.113.7", Headers = [new("Authorization", "b")] });
        Expect.Admitted(inside);
        Expect.Rejected(outside, 403, FailureCodes.PolicyImplicitDeny);
    }

    [Fact]
    public async Task POL_7_NotResource_deny_is_honoured()
    {
        var kit = With("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}, {"Effect": "Deny", "Action": "execute-api:Invoke", "NotResource": "arn:aws:execute-api:*:*:abc123/*/POST/*"}]""");
        Expect.Rejected(await kit.Token(), 403, FailureCodes.PolicyExplicitDeny);
        Expect.Admitted(await kit.Token("POST", "/pets"));
    }
}
