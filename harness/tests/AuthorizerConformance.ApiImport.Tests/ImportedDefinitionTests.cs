using System.Text.Json.Nodes;

namespace AuthorizerConformance.ApiImport.Tests;

/// <summary>The test-data definitions import into the emulation's terms, extension by extension.</summary>
public class ImportedDefinitionTests
{
    internal static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    internal static ImportedApi Import(string name)
    {
        var result = ApiDefinitionImporter.Import(Data(name));
        Assert.True(result.IsValid, result.ToString());
        return result.Api!;
    }

    private static string Routes(ImportedApi api) =>
        string.Join(" | ", api.Parsed.Api.Routes.Select(r => $"{r.RouteKey} -> {r.Authorizer ?? "none"}{(r.ApiKeyRequired ? " +key" : "")}"));

    [Fact]
    public void OpenApi3_REST_routes_take_operation_then_top_level_security_with_any_method_and_proxy()
    {
        var api = Import("petstore-rest.yaml");

        Assert.Equal("REST", (string)api.Api["type"]!);
        Assert.Equal("GET /pets -> JwtAuthorizer | POST /pets -> JwtAuthorizer +key | GET /pets/{id} -> JwtAuthorizer | ANY /files/{proxy+} -> JwtAuthorizer | GET /health -> none",
            Routes(api));
    }

    [Fact]
    public void OpenApi3_TOKEN_authorizer_reads_type_identity_from_the_scheme_expression_and_ttl()
    {
        var authorizer = Import("petstore-rest.yaml").Authorizers["JwtAuthorizer"]!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"type":"TOKEN","identitySource":"method.request.header.Authorization","identityValidationExpression":"^Bearer [-0-9a-zA-Z._]+$",
             "resultTtlInSeconds":300,"function":{"kind":"target"}}
            """), authorizer), authorizer.ToJsonString());
    }

    [Fact]
    public void OpenApi3_policy_gateway_responses_and_api_key_source_become_api_members()
    {
        var api = Import("petstore-rest.yaml").Api;

        Assert.Equal("HEADER", (string)api["apiKeySource"]!);
        Assert.Equal("Deny", (string)api["resourcePolicy"]!["Statement"]![1]!["Effect"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"UNAUTHORIZED":{"statusCode":401,"headers":{"Access-Control-Allow-Origin":"'*'"},"template":"{\"error\": $context.error.messageString}"}}
            """), api["gatewayResponses"]), api["gatewayResponses"]!.ToJsonString());
    }

    [Fact]
    public void OpenApi3_HTTP_API_with_a_REQUEST_authorizer_and_simple_responses()
    {
        var api = Import("orders-http.json");

        Assert.Equal("HTTP", (string)api.Api["type"]!);
        Assert.Equal("GET /orders -> LambdaAuth | DELETE /orders/{id} -> LambdaAuth | GET /status -> none", Routes(api));
        Assert.Equal("1.0", api.Parsed.Api.Routes[1].IntegrationPayloadFormatVersion);
        var authorizer = api.Parsed.Authorizers.Single();
        Assert.True(authorizer.EnableSimpleResponses);
        Assert.Equal("2.0", authorizer.PayloadFormatVersion);
        Assert.Equal(0, authorizer.ResultTtlInSeconds);
        Assert.Equal("$request.header.Authorization", authorizer.IdentitySources.Single().Expression);
    }

    [Fact]
    public void Swagger2_securityDefinitions_give_a_REQUEST_authorizer()
    {
        var api = Import("swagger2-rest.json");

        Assert.Equal("GET /items -> ReqAuth", Routes(api));
        Assert.Equal(60, api.Parsed.Authorizers.Single().ResultTtlInSeconds);
        Assert.Equal("REQUEST", (string)api.Authorizers["ReqAuth"]!["type"]!);
    }

    [Fact]
    public void SAM_Api_with_Auth_default_authorizer_event_override_Ref_and_GetAtt()
    {
        var api = Import("template.yaml");

        Assert.Equal("live", (string)api.Api["stage"]!);
        Assert.Equal("GET /carts -> TokenAuth | ANY /carts/{id} -> TokenAuth | GET /ping -> none", Routes(api));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"type":"TOKEN","identitySource":"method.request.header.Authorization","identityValidationExpression":"^Bearer .+$","resultTtlInSeconds":120,"function":{"kind":"target"}}
            """), api.Authorizers["TokenAuth"]), api.Authorizers["TokenAuth"]!.ToJsonString());
        Assert.Equal(403, (int)api.Api["gatewayResponses"]!["ACCESS_DENIED"]!["statusCode"]!);
    }

    [Fact]
    public void A_mapped_function_replaces_the_authorizer_under_test()
    {
        var scripted = new JsonObject { ["kind"] = "scripted", ["outcomes"] = new JsonArray(new JsonObject { ["error"] = "Unauthorized" }) };
        var result = ApiDefinitionImporter.Import(Data("template.yaml"),
            new ApiImportOptions { Functions = new Dictionary<string, JsonObject> { ["TokenAuth"] = scripted } });

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("scripted", (string)result.Api!.Authorizers["TokenAuth"]!["function"]!["kind"]!);
    }
}
