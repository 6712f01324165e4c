namespace AuthorizerConformance.Gateway.Tests;

public class GatewayResponseTests
{
    private static Kit Customised(string outcomes, string responses) =>
        Kit.RestToken(outcomes, extraApi: $$""", "gatewayResponses": {{responses}}""");

    [Fact]
    public async Task GWR_default_missing_authentication_token_for_an_unknown_route_is_403_before_any_authorizer()
    {
        var kit = Kit.RestToken(Outputs.AllowAll);
        var result = await kit.Token("GET", "/unknown");
        Expect.Rejected(result, 403, FailureCodes.RouteNotFound);
        Assert.Equal("""{"message":"Missing Authentication Token"}""", result.Body);
        Assert.Equal("MissingAuthenticationTokenException", result.Headers["x-amzn-ErrorType"]);
        Assert.Equal(0, kit.Invocations());
    }

    [Fact]
    public async Task GWR_1_unauthorized_status_headers_and_template_can_be_customised()
    {
        var kit = Customised(Outputs.AllowAll, """{"UNAUTHORIZED": {"statusCode": 418, "headers": {"Access-Control-Allow-Origin": "'*'"}, "template": "{\"error\":$context.error.messageString,\"rid\":\"$context.requestId\"}"}}""");
        var result = await kit.Send("GET", "/pets/1");
        Assert.Equal(418, result.Status);
        Assert.Equal("*", result.Headers["Access-Control-Allow-Origin"]);
        Assert.StartsWith("""{"error":"Unauthorized","rid":"00000001-""", result.Body, StringComparison.Ordinal);
        Assert.Equal(FailureCodes.IdentitySourceMissing, result.Failure);
    }

    [Fact]
    public async Task GWR_1_default_4xx_customisation_applies_to_uncustomised_4xx_types()
    {
        var kit = Customised(Outputs.Return(Outputs.Policy("Deny", "*")), """{"DEFAULT_4XX": {"headers": {"X-Cors": "yes"}, "template": "{\"m\":$context.error.messageString}"}}""");
        var denied = await kit.Token();
        Assert.Equal(403, denied.Status);
        Assert.Equal("yes", denied.Headers["X-Cors"]);
        Assert.Equal("""{"m":"User is not authorized to access this resource with an explicit deny"}""", denied.Body);
        var unauthorized = await kit.Send("GET", "/pets/1");
        Assert.Equal(401, unauthorized.Status);
        Assert.Equal("yes", unauthorized.Headers["X-Cors"]);
    }

    [Fact]
    public async Task GWR_1_default_5xx_customisation_applies_to_configuration_errors_but_not_4xx()
    {
        var kit = Customised(Outputs.Error("boom"), """{"DEFAULT_5XX": {"template": "{\"oops\":true}"}}""");
        var result = await kit.Token();
        Assert.Equal(500, result.Status);
        Assert.Equal("""{"oops":true}""", result.Body);
        Assert.Equal("""{"message":"Unauthorized"}""", (await kit.Send("GET", "/pets/1")).Body);
    }

    [Fact]
    public async Task GWR_4_cors_headers_can_be_added_to_401_and_403_while_the_default_bodies_stay()
    {
        var kit = Customised(Outputs.Return(Outputs.Policy("Deny", "*")),
            """{"UNAUTHORIZED": {"headers": {"Access-Control-Allow-Origin": "'*'"}}, "ACCESS_DENIED": {"headers": {"Access-Control-Allow-Origin": "'*'"}}}""");
        var denied = await kit.Token();
        Assert.Equal("*", denied.Headers["Access-Control-Allow-Origin"]);
        Assert.Equal("""{"Message":"User is not authorized to access this resource with an explicit deny"}""", denied.Body);
        var unauthorized = await kit.Send("GET", "/pets/1");
        Assert.Equal("*", unauthorized.Headers["Access-Control-Allow-Origin"]);
        Assert.Equal("""{"message":"Unauthorized"}""", unauthorized.Body);
        Assert.Equal(401, unauthorized.Status);
    }

    [Fact]
    public async Task GWR_2_configuration_error_message_string_is_null()
    {
        var kit = Customised(Outputs.Error("boom"), """{"AUTHORIZER_CONFIGURATION_ERROR": {"template": "{\"m\":$context.error.messageString,\"t\":\"$context.error.responseType\"}"}}""");
        Assert.Equal("""{"m":null,"t":"AUTHORIZER_CONFIGURATION_ERROR"}""", (await kit.Token()).Body);
    }

    [Fact]
    public async Task GWR_3_error_type_headers_on_401_403_and_500()
    {
        Assert.Equal("UnauthorizedException", (await Kit.RestToken(Outputs.AllowAll).Send("GET", "/pets/1")).Headers["x-amzn-ErrorType"]);
        Assert.Equal("AccessDeniedException", (await Kit.RestToken(Outputs.Return(Outputs.Policy("Deny", "*"))).Token()).Headers["x-amzn-ErrorType"]);
        Assert.Equal("AuthorizerConfigurationException", (await Kit.RestToken(Outputs.Error("x")).Token()).Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public async Task GWR_5_default_access_denied_body_uses_capital_Message()
    {
        var result = await Kit.RestToken(Outputs.Return(Outputs.Policy("Deny", "*"))).Token();
        Assert.StartsWith("""{"Message":""", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CTX_7_authorizer_context_is_available_in_gateway_response_templates()
    {
        var kit = Customised(Outputs.Return(Outputs.Policy("Deny", "*", """, "context": {"reason": "suspended", "n": 3}""")),
            """{"ACCESS_DENIED": {"statusCode": 403, "template": "{\"why\":\"$context.authorizer.reason\",\"n\":$context.authorizer.n,\"who\":\"$context.authorizer.principalId\"}"}}""");
        Assert.Equal("""{"why":"suspended","n":3,"who":"user-1"}""", (await kit.Token()).Body);
    }
}
