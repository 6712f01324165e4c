using System.Text.Json;

namespace AuthorizerConformance.Gateway.Tests;

public class HttpApiTests
{
    internal static Kit Stage(string payload, string outcomes, bool simple = false, string sources = """["$request.header.Authorization"]""",
        int ttl = 0, string behavior = "{}", string integration = "2.0") => Kit.Of(
        $$"""{"type": "HTTP", "stageVariables": {"v": "1"}, "behavior": {{behavior}}, "routes": [{"routeKey": "GET /pets/{id}", "authorizer": "H", "integrationPayloadFormatVersion": "{{integration}}"}, {"method": "POST", "resource": "/pets", "authorizer": "H"}, {"routeKey": "$default"}]}""",
        $$"""{"H": {"identitySource": {{sources}}, "payloadFormatVersion": "{{payload}}", "enableSimpleResponses": {{(simple ? "true" : "false")}}, "resultTtlInSeconds": {{ttl}}, "function": {"kind": "scripted", "outcomes": {{outcomes}} } } }""");

    private static string Simple(string isAuthorized, string context = "{}") => $$"""[{"return": {"isAuthorized": {{isAuthorized}}, "context": {{context}} } }]""";

    [Fact]
    public void HTTP_1_authorizers_are_REQUEST_with_payload_1_or_2()
    {
        Assert.Equal(AuthorizerType.Request, Stage("1.0", Outputs.AllowAll).Scenario.Authorizers[0].Type);
        Assert.Equal("2.0", Stage("2.0", Outputs.AllowAll).Scenario.Authorizers[0].PayloadFormatVersion);
        var token = Scenarios.ScenarioParser.Parse("""{"api": {"type": "HTTP", "routes": []}, "authorizers": {"H": {"type": "TOKEN", "function": {"kind": "scripted"}}}, "requests": []}""");
        Assert.Equal("authorizers.H.type", token.Error!.Path);
    }

    [Fact]
    public async Task HTTP_2_missing_identity_source_gives_401_without_invoking()
    {
        var kit = Stage("2.0", Outputs.AllowAll);
        var result = await kit.Send("GET", "/pets/1");
        Expect.Rejected(result, 401, FailureCodes.IdentitySourceMissing);
        Assert.Equal("""{"message":"Unauthorized"}""", result.Body);
        Assert.Equal(0, kit.Invocations("H"));
    }

    [Fact]
    public async Task HTTP_2_header_names_are_case_insensitive_and_query_names_case_sensitive()
    {
        var kit = Stage("2.0", Outputs.AllowAll, sources: """["$request.header.X-Key", "$request.querystring.Tenant"]""");
        Expect.Admitted(await kit.Send(new ClientRequest { Method = "GET", Path = "/pets/1", Query = "Tenant=a", Headers = [new("x-key", "k")] }));
        Expect.Rejected(await kit.Send(new ClientRequest { Method = "GET", Path = "/pets/1", Query = "tenant=a", Headers = [new("x-key", "k")] }), 401, FailureCodes.IdentitySourceMissing);
    }

    [Fact]
    public async Task HTTP_2_identity_sources_are_optional()
    {
        var kit = Stage("2.0", Simple("true"), simple: true, sources: "[]");
        Expect.Admitted(await kit.Send("GET", "/pets/1"));
    }

    [Fact]
    public async Task HTTP_3_payload_1_event_adds_version_and_comma_joined_identity_values()
    {
        var kit = Stage("1.0", Outputs.AllowAll, sources: """["$request.header.A", "$stageVariables.v"]""");
        var e = Expect.Event(await kit.Send("GET", "/pets/1", ("A", "x")));
        Assert.Equal("1.0", e.GetProperty("version").GetString());
        Assert.Equal("x,1", e.GetProperty("identitySource").GetString());
        Assert.Equal("x,1", e.GetProperty("authorizationToken").GetString());
        Assert.Equal("REQUEST", e.GetProperty("type").GetString());
        Assert.True(e.TryGetProperty("multiValueHeaders", out _));
    }

    [Fact]
    public async Task HTTP_4_payload_2_event_shape()
    {
        var kit = Stage("2.0", Outputs.AllowAll);
        var result = await kit.Send(new ClientRequest
        {
            Method = "GET", Path = "/pets/9", Query = "a=1&a=2&b=3", Body = "nope", SourceIp = "198.51.100.1",
            Headers = [new("Authorization", "t"), new("X-Dup", "1"), new("x-dup", "2"), new("Cookie", "c1=a; c2=b")],
        });
        var e = Expect.Event(result);
        Assert.Equal("2.0", e.GetProperty("version").GetString());
        Assert.Equal("REQUEST", e.GetProperty("type").GetString());
        Assert.Equal(["t"], e.GetProperty("identitySource").EnumerateArray().Select(v => v.GetString()).ToArray());
        Assert.Equal("GET /pets/{id}", e.GetProperty("routeKey").GetString());
        Assert.Equal("/pets/9", e.GetProperty("rawPath").GetString());
        Assert.Equal("a=1&a=2&b=3", e.GetProperty("rawQueryString").GetString());
        Assert.Equal("1,2", e.GetProperty("queryStringParameters").GetProperty("a").GetString());
        Assert.Equal("1,2", e.GetProperty("headers").GetProperty("x-dup").GetString());
        Assert.Equal(["c1=a", "c2=b"], e.GetProperty("cookies").EnumerateArray().Select(v => v.GetString()).ToArray());
        Assert.False(e.GetProperty("headers").TryGetProperty("cookie", out _));
        Assert.False(e.TryGetProperty("multiValueHeaders", out _));
        Assert.Equal("9", e.GetProperty("pathParameters").GetProperty("id").GetString());
        var http = e.GetProperty("requestContext").GetProperty("http");
        Assert.Equal("198.51.100.1", http.GetProperty("sourceIp").GetString());
        Assert.Equal("GET", http.GetProperty("method").GetString());
        Assert.Equal(Kit.Start.ToUnixTimeMilliseconds(), e.GetProperty("requestContext").GetProperty("timeEpoch").GetInt64());
        Assert.False(e.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task HTTP_5_simple_response_true_allows_and_false_gives_403()
    {
        Expect.Admitted(await Stage("2.0", Simple("true"), simple: true).Send("GET", "/pets/1", ("Authorization", "t")));
        var denied = await Stage("2.0", Simple("false"), simple: true).Send("GET", "/pets/1", ("Authorization", "t"));
        Expect.Rejected(denied, 403, FailureCodes.SimpleResponseDenied);
        Assert.Null(denied.Decision);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("null")]
    public async Task HTTP_5_isAuthorized_that_is_not_a_real_boolean_never_grants(string value)
    {
        var result = await Stage("2.0", Simple(value), simple: true).Send("GET", "/pets/1", ("Authorization", "t"));
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
        Assert.Equal("""{"message":"Internal Server Error"}""", result.Body);
    }

    [Fact]
    public async Task HTTP_5_iam_response_is_evaluated_against_the_route_arn()
    {
        var kit = Stage("2.0", Outputs.AllowIncoming);
        var result = await kit.Send("GET", "/pets/1", ("Authorization", "t"));
        Expect.Admitted(result);
        Assert.Equal(Policy.PolicyDecision.Allow, result.Decision);
    }

    [Fact]
    public async Task HTTP_6_context_values_may_be_any_json_type_and_keep_their_types()
    {
        var kit = Stage("2.0", Simple("true", """{"n": 1, "b": true, "arr": [1, 2], "obj": {"k": "v"}}"""), simple: true);
        var result = await kit.Send("GET", "/pets/1", ("Authorization", "t"));
        Expect.Admitted(result);
        var lambda = Expect.Context(result).GetProperty("authorizer").GetProperty("lambda");
        Assert.Equal(JsonValueKind.Number, lambda.GetProperty("n").ValueKind);
        Assert.Equal(JsonValueKind.True, lambda.GetProperty("b").ValueKind);
        Assert.Equal(JsonValueKind.Array, lambda.GetProperty("arr").ValueKind);
        Assert.Equal("v", lambda.GetProperty("obj").GetProperty("k").GetString());
    }

    [Fact]
    public async Task HTTP_7_error_timeout_and_invalid_output_give_500_and_deny_403()
    {
        Expect.Rejected(await Stage("2.0", Outputs.Error("boom")).Send("GET", "/pets/1", ("Authorization", "t")), 500, FailureCodes.AuthorizerError);
        Expect.Rejected(await Stage("2.0", Outputs.Timeout).Send("GET", "/pets/1", ("Authorization", "t")), 500, FailureCodes.AuthorizerTimeout);
        Expect.Rejected(await Stage("1.0", Outputs.Return("{}")).Send("GET", "/pets/1", ("Authorization", "t")), 500, FailureCodes.AuthorizerOutputInvalid);
        var deny = await Stage("2.0", Outputs.Return(Outputs.Policy("Deny", "*"))).Send("GET", "/pets/1", ("Authorization", "t"));
        Expect.Rejected(deny, 403, FailureCodes.PolicyExplicitDeny);
        Assert.Equal("""{"message":"Forbidden"}""", deny.Body);
    }

    [Fact]
    public async Task HTTP_7_timeout_defaults_to_10_seconds()
    {
        var kit = Stage("2.0", Outputs.Timeout);
        var result = await kit.Send("GET", "/pets/1", ("Authorization", "t"));
        Assert.Contains("within 10 s", result.FailureDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HTTP_8_no_gateway_response_customisation_and_no_error_type_header()
    {
        var parsed = Scenarios.ScenarioParser.Parse("""{"api": {"type": "HTTP", "routes": [], "gatewayResponses": {}}, "requests": []}""");
        Assert.Equal("api.gatewayResponses", parsed.Error!.Path);
        var result = await Stage("2.0", Outputs.AllowAll).Send("GET", "/pets/1");
        Assert.False(result.Headers.ContainsKey("x-amzn-ErrorType"));
    }

    [Fact]
    public async Task HTTP_route_not_found_is_404_and_default_route_catches_the_rest()
    {
        var noDefault = Kit.Of("""{"type": "HTTP", "routes": [{"routeKey": "GET /a"}]}""");
        Expect.Rejected(await noDefault.Send("GET", "/b"), 404, FailureCodes.RouteNotFound);
        Expect.Admitted(await Stage("2.0", Outputs.AllowAll).Send("PUT", "/anything"));
    }

    [Fact]
    public async Task CAC_6_http_cache_is_shared_by_routes_unless_routeKey_is_an_identity_source()
    {
        var shared = Stage("2.0", Simple("true"), simple: true, ttl: 300);
        await shared.Send("GET", "/pets/1", ("Authorization", "t"));
        Assert.True((await shared.Send("POST", "/pets", ("Authorization", "t"))).CacheHit);
        var perRoute = Stage("2.0", Simple("true"), simple: true, ttl: 300, sources: """["$request.header.Authorization", "$context.routeKey"]""");
        await perRoute.Send("GET", "/pets/1", ("Authorization", "t"));
        Assert.False((await perRoute.Send("POST", "/pets", ("Authorization", "t"))).CacheHit);
        Assert.True((await perRoute.Send("GET", "/pets/2", ("Authorization", "t"))).CacheHit);
    }

    [Fact]
    public async Task CAC_6_cached_simple_false_denies_every_route()
    {
        var kit = Stage("2.0", Simple("false"), simple: true, ttl: 300);
        await kit.Send("GET", "/pets/1", ("Authorization", "t"));
        var other = await kit.Send("POST", "/pets", ("Authorization", "t"));
        Expect.Rejected(other, 403, FailureCodes.SimpleResponseDenied);
        Assert.True(other.CacheHit);
    }

    [Fact]
    public void CAC_1_http_ttl_above_0_requires_an_identity_source()
    {
        var parsed = Scenarios.ScenarioParser.Parse("""{"api": {"type": "HTTP", "routes": []}, "authorizers": {"H": {"identitySource": [], "resultTtlInSeconds": 60, "function": {"kind": "scripted"}}}, "requests": []}""");
        Assert.Equal("authorizers.H.identitySource", parsed.Error!.Path);
    }
}
