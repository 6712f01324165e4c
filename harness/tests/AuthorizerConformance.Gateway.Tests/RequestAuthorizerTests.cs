namespace AuthorizerConformance.Gateway.Tests;

public class RequestAuthorizerTests
{
    internal static Kit Stage(string identitySource, string outcomes, int ttl = 300, string behavior = "{}", string extra = "") => Kit.Of(
        $$"""{"type": "REST", "stageVariables": {"env": "blue"}, "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "R"}, {"method": "POST", "resource": "/pets", "authorizer": "R"}], "behavior": {{behavior}} }""",
        $$"""{"R": {"type": "REQUEST", "identitySource": "{{identitySource}}", "resultTtlInSeconds": {{ttl}} {{extra}}, "function": {"kind": "scripted", "outcomes": {{outcomes}} } } }""");

    private static ClientRequest Request(string query = "", params (string, string)[] headers) => new()
    {
        Method = "GET", Path = "/pets/7", Query = query, Body = "the body", SourceIp = "198.51.100.4",
        Headers = [.. headers.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2))],
    };

    [Fact]
    public async Task REQ_1_header_query_stage_variable_and_context_sources_are_all_read()
    {
        var kit = Stage("method.request.header.X-Key, method.request.querystring.tenant,stageVariables.env , context.identity.sourceIp", Outputs.AllowAll);
        var result = await kit.Send(Request("tenant=t1", ("x-key", "k")));
        Expect.Admitted(result);
        Assert.Equal(1, kit.Invocations("R"));
    }

    [Fact]
    public async Task REQ_2_any_missing_identity_source_gives_401_without_invoking()
    {
        var kit = Stage("method.request.header.X-Key, method.request.querystring.tenant", Outputs.AllowAll);
        var result = await kit.Send(Request("", ("X-Key", "k")));
        Expect.Rejected(result, 401, FailureCodes.IdentitySourceMissing);
        Assert.Contains("method.request.querystring.tenant", result.FailureDetail, StringComparison.Ordinal);
        Assert.Equal(0, kit.Invocations("R"));
    }

    [Fact]
    public async Task REQ_2_empty_query_value_counts_as_missing()
    {
        var kit = Stage("method.request.querystring.tenant", Outputs.AllowAll);
        Expect.Rejected(await kit.Send(Request("tenant=")), 401, FailureCodes.IdentitySourceMissing);
    }

    [Fact]
    public async Task REQ_3_ttl_0_without_identity_sources_invokes_every_time()
    {
        var kit = Kit.Of(
            """{"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "R"}]}""",
            $$"""{"R": {"type": "REQUEST", "resultTtlInSeconds": 0, "function": {"kind": "scripted", "outcomes": {{Outputs.AllowAll}} } } }""");
        Expect.Admitted(await kit.Send(Request()));
        Expect.Admitted(await kit.Send(Request()));
        Assert.Equal(2, kit.Invocations("R"));
    }

    [Fact]
    public async Task REQ_4_validation_expression_is_ignored_for_REQUEST()
    {
        var kit = Stage("method.request.header.X-Key", Outputs.AllowAll, extra: """, "identityValidationExpression": "^never$" """);
        Expect.Admitted(await kit.Send(Request("", ("X-Key", "anything"))));
    }

    [Fact]
    public async Task REQ_5_event_has_request_parts_template_resource_actual_path_and_no_body()
    {
        var kit = Stage("method.request.header.X-Key", Outputs.AllowAll);
        var result = await kit.Send(Request("a=1&a=2&b=x%20y", ("X-Key", "k"), ("X-Multi", "1"), ("x-multi", "2")));
        var e = Expect.Event(result);
        Assert.Equal("REQUEST", e.GetProperty("type").GetString());
        Assert.Equal("/pets/{id}", e.GetProperty("resource").GetString());
        Assert.Equal("/pets/7", e.GetProperty("path").GetString());
        Assert.Equal("GET", e.GetProperty("httpMethod").GetString());
        Assert.EndsWith("/prod/GET/pets/7", e.GetProperty("methodArn").GetString(), StringComparison.Ordinal);
        Assert.Equal("k", e.GetProperty("headers").GetProperty("X-Key").GetString());
        Assert.Equal("2", e.GetProperty("headers").GetProperty("X-Multi").GetString());
        Assert.Equal(2, e.GetProperty("multiValueHeaders").GetProperty("X-Multi").GetArrayLength());
        Assert.Equal("2", e.GetProperty("queryStringParameters").GetProperty("a").GetString());
        Assert.Equal("x y", e.GetProperty("queryStringParameters").GetProperty("b").GetString());
        Assert.Equal(2, e.GetProperty("multiValueQueryStringParameters").GetProperty("a").GetArrayLength());
        Assert.Equal("7", e.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.Equal("blue", e.GetProperty("stageVariables").GetProperty("env").GetString());
        var context = e.GetProperty("requestContext");
        Assert.Equal("prod", context.GetProperty("stage").GetString());
        Assert.Equal("/pets/{id}", context.GetProperty("resourcePath").GetString());
        Assert.Equal("198.51.100.4", context.GetProperty("identity").GetProperty("sourceIp").GetString());
        Assert.DoesNotContain("the body", result.Event, StringComparison.Ordinal);
        Assert.False(e.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task REQ_6_output_contract_and_outcomes_are_those_of_TOKEN()
    {
        var kit = Stage("method.request.header.X-Key", Outputs.Error("Unauthorized"));
        Expect.Rejected(await kit.Send(Request("", ("X-Key", "k"))), 401, FailureCodes.AuthorizerUnauthorized);
        var deny = Stage("method.request.header.X-Key", Outputs.Return(Outputs.Policy("Deny", "*")));
        Expect.Rejected(await deny.Send(Request("", ("X-Key", "k"))), 403, FailureCodes.PolicyExplicitDeny);
    }

    [Fact]
    public async Task REQ_7_cache_key_is_every_identity_source_value()
    {
        var kit = Stage("method.request.header.X-Key, method.request.querystring.tenant", Outputs.AllowAll);
        await kit.Send(Request("tenant=a", ("X-Key", "k")));
        Assert.True((await kit.Send(Request("tenant=a", ("X-Key", "k")))).CacheHit);
        Assert.False((await kit.Send(Request("tenant=b", ("X-Key", "k")))).CacheHit);
        Assert.Equal(2, kit.Invocations("R"));
    }
}
