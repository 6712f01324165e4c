using System.Text.Json;

namespace AuthorizerConformance.Gateway.Tests;

public class ContextTests
{
    private const string Context = """, "context": {"s": "x", "n": 123, "f": 1.5, "b": true}""";

    [Fact]
    public async Task CTX_1_CTX_2_rest_context_values_are_stringified_with_principalId_and_numeric_integrationLatency()
    {
        var result = await Kit.RestToken(Outputs.Return(Outputs.Policy("Allow", "*", Context))).Token();
        var authorizer = Expect.Context(result).GetProperty("authorizer");
        Assert.Equal("user-1", authorizer.GetProperty("principalId").GetString());
        Assert.Equal("x", authorizer.GetProperty("s").GetString());
        Assert.Equal("123", authorizer.GetProperty("n").GetString());
        Assert.Equal("1.5", authorizer.GetProperty("f").GetString());
        Assert.Equal("true", authorizer.GetProperty("b").GetString());
        Assert.Equal(JsonValueKind.Number, authorizer.GetProperty("integrationLatency").ValueKind);
    }

    [Fact]
    public async Task CTX_2_context_keys_named_principalId_or_integrationLatency_do_not_override_or_duplicate_the_gateways_own()
    {
        var result = await Kit.RestToken(Outputs.Return(Outputs.Policy("Allow", "*",
            """, "context": {"principalId": "spoofed", "integrationLatency": "slow", "tier": "gold"}"""))).Token();
        var authorizer = Expect.Context(result).GetProperty("authorizer");
        Assert.Equal(["principalId", "tier", "integrationLatency"], Expect.Names(authorizer));
        Assert.Equal("user-1", authorizer.GetProperty("principalId").GetString());
        Assert.Equal(JsonValueKind.Number, authorizer.GetProperty("integrationLatency").ValueKind);
    }

    [Fact]
    public async Task CTX_5_a_context_key_named_principalId_does_not_duplicate_the_http_payload_1_principalId()
    {
        var kit = HttpApiTests.Stage("2.0", Outputs.Return(Outputs.Policy("Allow", "*", """, "context": {"principalId": "spoofed", "n": 1}""")),
            integration: "1.0");
        var authorizer = Expect.Context(await kit.Send("GET", "/pets/1", ("Authorization", "t"))).GetProperty("authorizer");
        Assert.Equal(["principalId", "n"], Expect.Names(authorizer));
        Assert.Equal("user-1", authorizer.GetProperty("principalId").GetString());
    }

    [Fact]
    public async Task CTX_3_usageIdentifierKey_becomes_identity_apiKey_with_apiKeySource_AUTHORIZER()
    {
        var kit = Kit.RestToken(Outputs.Return(Outputs.Policy("Allow", "*", """, "usageIdentifierKey": "key-1" """)),
            extraApi: """, "apiKeySource": "AUTHORIZER", "apiKeys": ["key-1"]""");
        var result = await kit.Token();
        Expect.Admitted(result);
        Assert.Equal("key-1", Expect.Context(result).GetProperty("identity").GetProperty("apiKey").GetString());
    }

    [Fact]
    public async Task CTX_4_http_payload_2_integration_nests_typed_context_under_lambda()
    {
        var kit = HttpApiTests.Stage("2.0", Outputs.Return(Outputs.Policy("Allow", "*", Context)));
        var context = Expect.Context(await kit.Send("GET", "/pets/1", ("Authorization", "t")));
        var lambda = context.GetProperty("authorizer").GetProperty("lambda");
        Assert.Equal(123, lambda.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.True, lambda.GetProperty("b").ValueKind);
        Assert.Equal("GET /pets/{id}", context.GetProperty("routeKey").GetString());
    }

    [Fact]
    public async Task CTX_5_http_payload_1_integration_gets_the_context_flat_under_authorizer()
    {
        var kit = HttpApiTests.Stage("2.0", Outputs.Return(Outputs.Policy("Allow", "*", Context)), integration: "1.0");
        var authorizer = Expect.Context(await kit.Send("GET", "/pets/1", ("Authorization", "t"))).GetProperty("authorizer");
        Assert.Equal(123, authorizer.GetProperty("n").GetInt32());
        Assert.Equal("user-1", authorizer.GetProperty("principalId").GetString());
        Assert.False(authorizer.TryGetProperty("lambda", out _));
    }

    [Fact]
    public async Task A6_row_9_a_route_without_authorizer_reaches_the_integration_without_authorizer_context()
    {
        var kit = Kit.Of("""{"type": "REST", "routes": [{"method": "GET", "resource": "/open"}]}""");
        var result = await kit.Send("GET", "/open");
        Expect.Admitted(result);
        Assert.False(Expect.Context(result).TryGetProperty("authorizer", out _));
    }
}
