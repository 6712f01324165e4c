namespace AuthorizerConformance.Gateway.Tests;

public class WebSocketTests
{
    internal static Kit Stage(string outcomes, string sources = """["route.request.header.Auth"]""", string extraApi = "") => Kit.Of(
        $$"""{"type": "WEBSOCKET", "stageVariables": {"s": "v"}, "routes": [{"routeKey": "$connect", "authorizer": "W"}, {"routeKey": "$default"}] {{extraApi}} }""",
        $$"""{"W": {"type": "REQUEST", "identitySource": {{sources}}, "function": {"kind": "scripted", "outcomes": {{outcomes}} } } }""");

    [Fact]
    public void WS_1_only_REQUEST_authorizers_and_only_on_connect()
    {
        var token = Scenarios.ScenarioParser.Parse("""{"api": {"type": "WEBSOCKET", "routes": []}, "authorizers": {"W": {"type": "TOKEN", "function": {"kind": "scripted"}}}, "requests": []}""");
        Assert.Equal("authorizers.W.type", token.Error!.Path);
        var other = Scenarios.ScenarioParser.Parse("""{"api": {"type": "WEBSOCKET", "routes": [{"routeKey": "sendMessage", "authorizer": "W"}]}, "authorizers": {"W": {"identitySource": [], "function": {"kind": "scripted"}}}, "requests": []}""");
        Assert.Equal("api.routes[0].authorizer", other.Error!.Path);
    }

    [Fact]
    public async Task WS_2_arn_ends_in_connect_and_there_are_no_path_parameters()
    {
        var e = Expect.Event(await Stage(Outputs.AllowIncoming).Send("GET", "/", ("Auth", "t")));
        Assert.EndsWith("/prod/$connect", e.GetProperty("methodArn").GetString(), StringComparison.Ordinal);
        Assert.False(e.TryGetProperty("pathParameters", out _));
    }

    [Fact]
    public async Task WS_3_event_members_and_connect_request_context()
    {
        var result = await Stage(Outputs.AllowIncoming).Send(new ClientRequest { Method = "GET", Path = "/", Query = "token=q", SourceIp = "198.51.100.9", Headers = [new("Auth", "t")] });
        var e = Expect.Event(result);
        foreach (var member in new[] { "type", "methodArn", "headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "stageVariables", "requestContext" })
            Assert.True(e.TryGetProperty(member, out _), member);
        var context = e.GetProperty("requestContext");
        Assert.Equal("$connect", context.GetProperty("routeKey").GetString());
        Assert.Equal("CONNECT", context.GetProperty("eventType").GetString());
        Assert.Equal("IN", context.GetProperty("messageDirection").GetString());
        Assert.Equal("198.51.100.9", context.GetProperty("identity").GetProperty("sourceIp").GetString());
        foreach (var member in new[] { "connectionId", "connectedAt", "extendedRequestId", "requestTime", "requestTimeEpoch", "domainName", "apiId", "stage", "requestId" })
            Assert.True(context.TryGetProperty(member, out _), member);
    }

    [Fact]
    public async Task WS_4_missing_identity_source_rejects_the_handshake_with_401()
    {
        var kit = Stage(Outputs.AllowIncoming, """["route.request.querystring.token"]""");
        Expect.Rejected(await kit.Send("GET", "/"), 401, FailureCodes.IdentitySourceMissing);
        Assert.Equal(0, kit.Invocations("W"));
        Expect.Admitted(await kit.Send(new ClientRequest { Method = "GET", Path = "/", Query = "token=x" }), 101);
    }

    [Fact]
    public async Task WS_5_allow_is_101_deny_403_and_error_500()
    {
        Expect.Admitted(await Stage(Outputs.AllowIncoming).Send("GET", "/", ("Auth", "t")), 101);
        Expect.Rejected(await Stage(Outputs.Return(Outputs.Policy("Deny", "*"))).Send("GET", "/", ("Auth", "t")), 403, FailureCodes.PolicyExplicitDeny);
        Expect.Rejected(await Stage(Outputs.Error("boom")).Send("GET", "/", ("Auth", "t")), 500, FailureCodes.AuthorizerError);
    }

    [Fact]
    public async Task WS_6_output_over_8_KB_gives_500()
    {
        var big = new string('x', 8200);
        var result = await Stage(Outputs.Return(Outputs.Policy("Allow", "*", $$""", "context": {"big": "{{big}}"}"""))).Send("GET", "/", ("Auth", "t"));
        Expect.Rejected(result, 500, FailureCodes.AuthorizerOutputInvalid);
    }

    [Fact]
    public async Task WS_6_connect_context_reaches_the_connect_integration()
    {
        var result = await Stage(Outputs.Return(Outputs.Policy("Allow", "*", """, "context": {"tenant": "t1", "n": 2}"""))).Send("GET", "/", ("Auth", "t"));
        var authorizer = Expect.Context(result).GetProperty("authorizer");
        Assert.Equal("t1", authorizer.GetProperty("tenant").GetString());
        Assert.Equal("2", authorizer.GetProperty("n").GetString());
        Assert.Equal("user-1", authorizer.GetProperty("principalId").GetString());
    }

    [Fact]
    public async Task WS_1_without_a_connect_route_the_handshake_is_accepted_without_authorizer()
    {
        var kit = Kit.Of("""{"type": "WEBSOCKET", "routes": [{"routeKey": "$default"}]}""");
        var result = await kit.Send("GET", "/");
        Expect.Admitted(result, 101);
        Assert.False(result.AuthorizerInvoked);
    }
}
