namespace AuthorizerConformance.Gateway.Tests;

public class ApiKeyTests
{
    private static Kit Stage(string source, string outcomes) => Kit.Of(
        $$"""{"type": "REST", "apiKeySource": "{{source}}", "apiKeys": ["good-key"], "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A", "apiKeyRequired": true}]}""",
        $$"""{"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "function": {"kind": "scripted", "outcomes": {{outcomes}} } } }""");

    [Fact]
    public async Task OUT_7_usageIdentifierKey_in_the_usage_plan_passes_the_api_key_check()
    {
        var kit = Stage("AUTHORIZER", Outputs.Return(Outputs.Policy("Allow", "*", """, "usageIdentifierKey": "good-key" """)));
        Expect.Admitted(await kit.Token("GET", "/pets/1"));
    }

    [Fact]
    public async Task OUT_7_usageIdentifierKey_not_in_the_usage_plan_gives_403_forbidden()
    {
        var kit = Stage("AUTHORIZER", Outputs.Return(Outputs.Policy("Allow", "*", """, "usageIdentifierKey": "other" """)));
        var result = await kit.Token("GET", "/pets/1");
        Expect.Rejected(result, 403, FailureCodes.ApiKeyInvalid);
        Assert.Equal("""{"message":"Forbidden"}""", result.Body);
    }

    [Fact]
    public async Task OUT_7_usageIdentifierKey_is_ignored_when_apiKeySource_is_HEADER()
    {
        var kit = Stage("HEADER", Outputs.Return(Outputs.Policy("Allow", "*", """, "usageIdentifierKey": "good-key" """)));
        Expect.Rejected(await kit.Token("GET", "/pets/1"), 403, FailureCodes.ApiKeyInvalid);
        Expect.Admitted(await kit.Send("GET", "/pets/1", ("Authorization", "t"), ("x-api-key", "good-key")));
    }
}
