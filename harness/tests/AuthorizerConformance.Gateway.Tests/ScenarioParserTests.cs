using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Gateway.Tests;

public class ScenarioParserTests
{
    private static ScenarioError Error(string json)
    {
        var parsed = ScenarioParser.Parse(json);
        Assert.False(parsed.IsValid);
        return parsed.Error!;
    }

    private static string Rest(string authorizer, string routes = """[{"method": "GET", "resource": "/x", "authorizer": "A"}]""") =>
        $$"""{"api": {"type": "REST", "routes": {{routes}} }, "authorizers": {"A": {{authorizer}} }, "requests": []}""";

    [Theory]
    [InlineData(""", "resultTtlInSeconds": 3601""", "authorizers.A.resultTtlInSeconds", "between 0 and 3600")]
    [InlineData(""", "resultTtlInSeconds": -1""", "authorizers.A.resultTtlInSeconds", "between 0 and 3600")]
    [InlineData(""", "identityValidationExpression": "(" """, "authorizers.A.identityValidationExpression", "not a valid regular expression")]
    [InlineData(""", "payloadFormatVersion": "2.0" """, "authorizers.A.payloadFormatVersion", "HTTP API")]
    [InlineData(""", "identitySources": "x" """, "authorizers.A.identitySources", "unknown member")]
    public void Invalid_authorizer_settings_name_their_json_path(string extra, string path, string message)
    {
        var error = Error(Rest($$"""{"type": "TOKEN", "identitySource": "method.request.header.Authorization" {{extra}}, "function": {"kind": "scripted"} }"""));
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_is_free_text_for_people_and_must_be_a_string()
    {
        Assert.True(ScenarioParser.Parse("""{"comment": "Replays against the reference.", "api": {"type": "REST", "routes": []}, "requests": []}""").IsValid);

        var error = Error("""{"comment": ["no"], "api": {"type": "REST", "routes": []}, "requests": []}""");
        Assert.Equal("comment", error.Path);
        Assert.Contains("must be a string", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"api": {"type": "REST", "routes": []}, "authorizers": {}, "requests": [{"method": "GET", "path": "/x", "headers": {"A": "\ud800"}}]}""", "requests[0].headers.A")]
    [InlineData("""{"api": {"type": "REST", "routes": []}, "authorizers": {}, "requests": [{"\udc00": 1}]}""", "requests[0]")]
    public void A_string_or_member_name_that_is_not_text_is_an_error_with_its_path(string json, string path)
    {
        var error = Error(json);
        Assert.Equal(path, error.Path);
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("method.request.header.A, method.request.header.B")]
    [InlineData("method.request.querystring.token")]
    [InlineData("")]
    public void TOK_1_token_identity_source_is_exactly_one_header(string source)
    {
        var error = Error(Rest($$"""{"type": "TOKEN", "identitySource": "{{source}}", "resultTtlInSeconds": 0, "function": {"kind": "scripted"} }"""));
        Assert.Equal("authorizers.A.identitySource", error.Path);
    }

    [Fact]
    public void TOK_2_validation_expression_is_kept_for_TOKEN()
    {
        var parsed = ScenarioParser.Parse(Rest("""{"type": "TOKEN", "identitySource": "method.request.header.A", "identityValidationExpression": "^x-[a-z]+", "function": {"kind": "scripted"} }"""));
        Assert.Equal("^x-[a-z]+", parsed.Scenario!.Authorizers[0].IdentityValidationExpression!.ToString());
    }

    [Fact]
    public void REQ_1_path_parameters_cannot_be_identity_sources()
    {
        var error = Error(Rest("""{"type": "REQUEST", "identitySource": "method.request.path.id", "function": {"kind": "scripted"} }"""));
        Assert.Equal("authorizers.A.identitySource", error.Path);
        Assert.Contains("method.request.path.id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void REQ_3_rest_request_authorizer_with_ttl_needs_an_identity_source()
    {
        var error = Error(Rest("""{"type": "REQUEST", "identitySource": "", "function": {"kind": "scripted"} }"""));
        Assert.Equal("authorizers.A.identitySource", error.Path);
    }

    [Fact]
    public void Rest_identity_source_spaces_around_commas_are_ignored_and_http_takes_an_array()
    {
        var rest = ScenarioParser.Parse(Rest("""{"type": "REQUEST", "identitySource": " method.request.header.A ,stageVariables.s", "function": {"kind": "scripted"} }"""));
        Assert.Equal(["A", "s"], rest.Scenario!.Authorizers[0].IdentitySources.Select(s => s.Name).ToArray());
        var http = Error("""{"api": {"type": "HTTP", "routes": []}, "authorizers": {"H": {"identitySource": "$request.header.A", "function": {"kind": "scripted"}}}, "requests": []}""");
        Assert.Equal("authorizers.H.identitySource", http.Path);
    }

    [Fact]
    public void Unknown_route_authorizer_and_bad_request_members_are_reported_with_paths()
    {
        Assert.Equal("api.routes[0].authorizer", Error(Rest("""{"type": "TOKEN", "identitySource": "method.request.header.A", "function": {"kind": "scripted"}}""",
            """[{"method": "GET", "resource": "/x", "authorizer": "B"}]""")).Path);
        Assert.Equal("requests[1].atSeconds", Error("""{"api": {"type": "REST", "routes": []}, "requests": [{"method": "GET", "path": "/", "atSeconds": 5}, {"method": "GET", "path": "/", "atSeconds": 4}]}""").Path);
        Assert.Equal("requests[0].path", Error("""{"api": {"type": "REST", "routes": []}, "requests": [{"method": "GET", "path": "x"}]}""").Path);
        Assert.Equal("api.type", Error("""{"api": {"type": "SOAP", "routes": []}, "requests": []}""").Path);
        Assert.Equal("", Error("{not json").Path);
    }

    [Fact]
    public void The_issue_example_parses_with_its_defaults()
    {
        var parsed = ScenarioParser.Parse("""
            {"api": {"type": "REST", "region": "us-east-1", "accountId": "123456789012", "apiId": "abc123", "stage": "prod",
                     "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}],
                     "stageVariables": {"k": "v"},
                     "resourcePolicy": {"Version": "2012-10-17", "Statement": []},
                     "apiKeySource": "HEADER", "apiKeys": ["key-in-usage-plan"],
                     "gatewayResponses": {"UNAUTHORIZED": {"statusCode": 401, "headers": {}, "template": "{\"error\":\"nope\"}"}},
                     "behavior": {}},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization",
                     "identityValidationExpression": "^Bearer .+$", "resultTtlInSeconds": 300, "timeoutSeconds": 10,
                     "function": {"kind": "scripted", "outcomes": [{"return": {}}, {"error": "Unauthorized"}, {"timeout": true}]}}},
             "requests": [{"method": "GET", "path": "/pets/42", "query": "a=1&a=2", "headers": {"Authorization": "Bearer x"}, "body": "b", "sourceIp": "203.0.113.9", "atSeconds": 0},
                          {"method": "GET", "path": "/pets/43"}]}
            """);
        Assert.True(parsed.IsValid, parsed.Error?.ToString());
        var scenario = parsed.Scenario!;
        Assert.Equal(TimeSpan.Zero, scenario.Requests[1].At);
        Assert.Equal("GET /pets/{id}", scenario.Api.Routes[0].RouteKey);
        Assert.Equal(401, scenario.Api.GatewayResponses[GatewayResponseType.Unauthorized].StatusCode);
    }

    [Fact]
    public void Http_route_keys_and_websocket_routes_are_read()
    {
        var http = ScenarioParser.Parse("""{"api": {"type": "HTTP", "routes": [{"routeKey": "get /a/{b}"}, {"routeKey": "$default"}]}, "requests": []}""");
        Assert.Equal(["GET /a/{b}", "$default"], http.Scenario!.Api.Routes.Select(r => r.RouteKey).ToArray());
        var ws = Error("""{"api": {"type": "WEBSOCKET", "routes": [{"method": "GET", "resource": "/"}]}, "requests": []}""");
        Assert.Equal("api.routes[0].routeKey", ws.Path);
    }
}
