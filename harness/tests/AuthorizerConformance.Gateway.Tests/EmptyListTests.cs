namespace AuthorizerConformance.Gateway.Tests;

/// <summary>
/// POL-12: an authorizer policy with an empty list is a "Neither" (403 implicit deny), not a malformed output (500); with
/// a resource policy Table A applies. Empty Not lists and empty string entries follow the profile (L).
/// </summary>
public class EmptyListTests
{
    private const string AllowAnyone = """{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}""";

    private static string Document(string statements) =>
        Outputs.Return($$"""{"principalId": "user-1", "policyDocument": {"Version": "2012-10-17", "Statement": {{statements}} } }""");

    private static string AllowWith(string action, string resource) => Document($$"""[{"Effect": "Allow", {{action}}, {{resource}} }]""");

    [Theory]
    [InlineData("""[{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": []}]""")]
    [InlineData("""[{"Effect": "Allow", "Action": [], "Resource": "*"}]""")]
    [InlineData("""[]""")]
    public async Task POL_12_an_empty_list_is_a_403_implicit_deny_not_a_500(string statements)
    {
        // chalice#971: "Successfully completed authorizer execution", then 403 {"Message":"User is not authorized to access this resource"}.
        var kit = Kit.RestToken(Document(statements));

        var result = await kit.Token();

        Expect.Rejected(result, 403, FailureCodes.PolicyImplicitDeny);
        Assert.Equal("""{"Message":"User is not authorized to access this resource"}""", result.Body);
        Assert.Equal("AccessDeniedException", result.Headers["x-amzn-ErrorType"]);
        Assert.Equal(Policy.PolicyDecision.ImplicitDeny, result.Decision);
        Assert.Equal(1, kit.Invocations());
    }

    [Fact]
    public async Task POL_12_a_resource_policy_that_allows_admits_an_Allow_with_an_empty_Resource_list()
    {
        // Table A: "Neither" from the authorizer and Allow from the resource policy → allowed (the API is open).
        var kit = Kit.RestToken(AllowWith("\"Action\": \"execute-api:Invoke\"", "\"Resource\": []"),
            extraApi: $$""", "resourcePolicy": {"Version": "2012-10-17", "Statement": [{{AllowAnyone}}]}""");

        var result = await kit.Token();

        Expect.Admitted(result);
        Assert.Equal(Policy.PolicyDecision.ImplicitDeny, result.Decision);
        Assert.Equal(Policy.PolicyDecision.Allow, result.ResourcePolicyDecision);
    }

    [Theory]
    [InlineData("{}", "\"Action\": \"*\"", "\"NotResource\": []", 403)]
    [InlineData("""{"emptyNotList": "literal"}""", "\"Action\": \"*\"", "\"NotResource\": []", 200)]
    [InlineData("""{"emptyNotList": "invalid"}""", "\"Action\": \"*\"", "\"NotResource\": []", 500)]
    [InlineData("{}", "\"NotAction\": []", "\"Resource\": \"*\"", 403)]
    [InlineData("""{"emptyNotList": "literal"}""", "\"NotAction\": []", "\"Resource\": \"*\"", 200)]
    [InlineData("{}", "\"Action\": \"*\"", "\"Resource\": [\"\"]", 403)]
    [InlineData("""{"emptyStringEntry": "literal"}""", "\"Action\": \"*\"", "\"NotResource\": [\"\"]", 200)]
    [InlineData("{}", "\"Action\": \"*\"", "\"NotResource\": [\"\"]", 403)]
    [InlineData("""{"emptyStringEntry": "invalid"}""", "\"Action\": \"*\"", "\"Resource\": [\"\"]", 500)]
    public async Task POL_12_empty_Not_lists_and_empty_strings_follow_the_profile(string behavior, string action, string resource, int status)
    {
        var result = await Kit.RestToken(AllowWith(action, resource), behavior: behavior).Token();

        Assert.Equal(status, result.Status);
        Assert.Equal(status switch { 200 => null, 403 => FailureCodes.PolicyImplicitDeny, _ => FailureCodes.AuthorizerOutputInvalid }, result.Failure);
    }

    [Fact]
    public async Task POL_12_a_Deny_with_an_empty_string_entry_still_denies_by_default()
    {
        var policy = Document("""[{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Sid": "D", "Effect": "Deny", "Action": "*", "Resource": [""]}]""");

        Expect.Rejected(await Kit.RestToken(policy).Token(), 403, FailureCodes.PolicyExplicitDeny);
        Expect.Admitted(await Kit.RestToken(policy, behavior: """{"emptyStringEntry": "literal"}""").Token());
    }

    [Fact]
    public void POL_12_a_reading_outside_the_three_is_a_scenario_error_with_its_path()
    {
        var parsed = Scenarios.ScenarioParser.Parse("""{"api": {"type": "REST", "routes": [], "behavior": {"emptyNotList": "everything"}}, "requests": []}""");

        Assert.Equal("api.behavior.emptyNotList", parsed.Error!.Path);
        Assert.Contains("\"narrowest\"", parsed.Error.Message, StringComparison.Ordinal);
    }
}
