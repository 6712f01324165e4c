using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Authorizer.Tests;

public class VariantTests
{
    [Fact]
    public async Task REQUEST_reads_the_Authorization_header_case_insensitively()
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.InvokeAsync(Variant.Request, Events.Request(new JsonObject { ["authorization"] = "Bearer " + TestAuthorizer.Mint() }));

        Assert.Equal("user-123", outcome.PrincipalId);
    }

    [Fact]
    public async Task REQUEST_reads_a_configured_header_then_the_query_parameter()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.TokenHeader] = "X-Api-Token";
        authorizer.Env[EnvironmentVariables.TokenQuery] = "access_token";
        var token = TestAuthorizer.Mint();

        (await authorizer.InvokeAsync(Variant.Request, Events.Request(new JsonObject { ["x-api-token"] = token }))).AssertAllowed();
        (await authorizer.InvokeAsync(Variant.Request, Events.Request(query: new JsonObject { ["access_token"] = token }))).AssertAllowed();
        Assert.Equal("token-missing", (await authorizer.InvokeAsync(Variant.Request, Events.Request(query: new JsonObject { ["Access_Token"] = token }))).Reason);
        Assert.Equal("token-missing", (await authorizer.InvokeAsync(Variant.Request, Events.Request(new JsonObject { ["authorization"] = token }))).Reason);
    }

    [Fact]
    public async Task REQUEST_refuses_a_token_header_sent_twice_with_different_values()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var multi = new JsonObject { ["Authorization"] = new JsonArray(TestAuthorizer.Mint(), TestAuthorizer.Mint(claims: c => c.Set("sub", "other"))) };

        var outcome = await authorizer.InvokeAsync(Variant.Request, Events.Request(multiHeaders: multi));

        Assert.Equal("token-repeated", outcome.Reason);
    }

    [Fact]
    public async Task HTTP_simple_response_is_a_boolean_verdict_with_the_context()
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.InvokeAsync(Variant.HttpSimple, Events.HttpV2(new JsonObject { ["authorization"] = "Bearer " + TestAuthorizer.Mint() }));

        Assert.Equal(JsonValueKind.True, outcome.Ok["isAuthorized"]!.GetValueKind());
        Assert.Equal("user-123", (string?)outcome.Context["sub"]);
        Assert.False(outcome.Ok.ContainsKey("policyDocument"));
    }

    [Theory]
    [InlineData("orders:write", true)]
    [InlineData("orders:read", false)]
    public async Task HTTP_simple_response_follows_the_scope_route_map(string scope, bool authorized)
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.ScopeRoutes] = "orders:write=POST /orders/*;orders:read=GET /orders/*";
        var token = TestAuthorizer.Mint(claims: c => c.Set("scope", $"openid {scope}"));

        var outcome = await authorizer.InvokeAsync(Variant.HttpSimple, Events.HttpV2(new JsonObject { ["authorization"] = token }));

        Assert.Equal(authorized, (bool)outcome.Ok["isAuthorized"]!);
    }

    [Fact]
    public async Task HTTP_IAM_response_scopes_the_policy_to_the_route_ARN_stage()
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.InvokeAsync(Variant.HttpIam, Events.HttpV2(new JsonObject { ["authorization"] = TestAuthorizer.Mint() }));

        Assert.Equal("user-123", outcome.PrincipalId);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/*/*", (string?)outcome.Statements[0]!["Resource"]![0]);
    }

    [Fact]
    public async Task HTTP_handlers_refuse_payload_1_0_as_misconfiguration()
    {
        using var authorizer = TestAuthorizer.SaltOnly();

        var outcome = await authorizer.InvokeAsync(Variant.HttpSimple, Events.HttpV2(new JsonObject { ["authorization"] = TestAuthorizer.Mint() }, version: "1.0"));

        Assert.True(outcome.IsConfigurationError);
        Assert.Contains("authorizerPayloadFormatVersion", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebSocket_connect_takes_the_token_from_the_query_and_allows_the_stage()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.TokenQuery] = "token";

        var outcome = await authorizer.InvokeAsync(Variant.WebSocket, Events.Connect(new JsonObject { ["token"] = TestAuthorizer.Mint() }));

        Assert.Equal("user-123", outcome.PrincipalId);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:wsapi123/prod/*", (string?)outcome.Statements[0]!["Resource"]![0]);
    }

    [Fact]
    public async Task WebSocket_handler_refuses_a_message_event_as_misconfiguration()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        var e = JsonNode.Parse(Events.Connect())!.AsObject();
        e["requestContext"]!["eventType"] = "MESSAGE";

        var outcome = await authorizer.InvokeAsync(Variant.WebSocket, e.ToJsonString());

        Assert.True(outcome.IsConfigurationError);
    }

    [Fact]
    public async Task Scope_routes_and_deny_routes_shape_the_REST_policy()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.ScopeRoutes] = "orders:write=POST /orders/*,PUT /orders/*;orders:read=GET /orders";
        authorizer.Env[EnvironmentVariables.DenyRoutes] = "DELETE /orders/*";
        var prefix = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/";

        var writer = await authorizer.TokenAsync(TestAuthorizer.Mint(claims: c => c.Set("scp", new JsonArray("orders:write"))));
        var nobody = await authorizer.TokenAsync(TestAuthorizer.Mint());

        Assert.Equal("Allow", (string?)writer.Statements[0]!["Effect"]);
        Assert.Equal([prefix + "POST/orders/*", prefix + "PUT/orders/*"], writer.Statements[0]!["Resource"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("Deny", (string?)writer.Statements[1]!["Effect"]);
        Assert.Equal(prefix + "DELETE/orders/*", (string?)writer.Statements[1]!["Resource"]![0]);
        Assert.Equal("Deny", (string?)nobody.Statements[0]!["Effect"]);
        Assert.Equal(prefix + "*/*", (string?)nobody.Statements[0]!["Resource"]![0]);
    }
}
