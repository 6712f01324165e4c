namespace AuthorizerConformance.ApiImport.Tests;

/// <summary>Every construct the importer does not model is an error naming the file, the line and the path.</summary>
public class ImportErrorTests
{
    private const string Rest = """
        openapi: 3.0.1
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              security:
                - Auth: []
              responses: {"200": {description: ok}}
        components:
          securitySchemes:
            Auth:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authorizer:
                type: token
                authorizerResultTtlInSeconds: 300
        """;

    private static ApiImportError Single(string text, string file = "api.yaml")
    {
        var result = ApiDefinitionImporter.ImportText(text, file);
        Assert.False(result.IsValid, "the import must fail");
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_valid_base_imports()
    {
        Assert.True(ApiDefinitionImporter.ImportText(Rest, "api.yaml").IsValid);
    }

    [Fact]
    public void A_Cognito_authorizer_is_refused_at_its_type_with_the_line()
    {
        var error = Single(Rest.Replace("type: token", "type: cognito_user_pools", StringComparison.Ordinal));

        Assert.Equal("components.securitySchemes.Auth.x-amazon-apigateway-authorizer.type", error.Path);
        Assert.Equal(16, error.Line);
        Assert.Contains("not modelled", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("api.yaml:16: components.securitySchemes.Auth", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_authorizer_member_is_refused()
    {
        var error = Single(Rest.Replace("type: token", "type: token\n        cacheMe: true", StringComparison.Ordinal));

        Assert.Equal("components.securitySchemes.Auth.x-amazon-apigateway-authorizer.cacheMe", error.Path);
    }

    [Fact]
    public void IAM_authtype_is_refused()
    {
        var error = Single(Rest.Replace("in: header\n", "in: header\n      x-amazon-apigateway-authtype: awsSigv4\n", StringComparison.Ordinal));

        Assert.EndsWith("Auth.x-amazon-apigateway-authtype", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Alternative_security_requirements_are_refused()
    {
        var error = Single(Rest.Replace("- Auth: []", "- Auth: []\n        - {}", StringComparison.Ordinal));

        Assert.Equal("paths[\"/a\"].get.security[1]", error.Path);
    }

    [Fact]
    public void An_unknown_API_Gateway_extension_is_refused()
    {
        var error = Single("x-amazon-apigateway-made-up: 1\n" + Rest);

        Assert.Equal("x-amazon-apigateway-made-up", error.Path);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_value_the_emulation_refuses_is_reported_at_its_source()
    {
        var error = Single(Rest.Replace("authorizerResultTtlInSeconds: 300", "authorizerResultTtlInSeconds: 7200", StringComparison.Ordinal));

        Assert.Equal("components.securitySchemes.Auth.x-amazon-apigateway-authorizer", error.Path);
        Assert.Contains("authorizers.Auth.resultTtlInSeconds: must be between 0 and 3600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_API_Gateway_does_not_route_is_refused()
    {
        var error = Single(Rest.Replace("    get:", "    trace:", StringComparison.Ordinal));

        Assert.Equal("paths[\"/a\"].trace", error.Path);
    }

    [Fact]
    public void Neither_OpenAPI_nor_SAM_is_refused()
    {
        Assert.Contains("neither an OpenAPI document", Single("name: x\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_past_the_bound_is_refused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", ImportLimits.MaxDepth + 2)) + string.Concat(Enumerable.Repeat("]", ImportLimits.MaxDepth + 2));

        Assert.Contains("nested deeper than", Single("openapi: 3.0.1\nx: " + deep + "\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_past_the_size_bound_is_refused_while_reading()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("import-size-").FullName, "big.yaml");
        File.WriteAllText(path, "openapi: 3.0.1\n#" + new string('x', ImportLimits.MaxFileBytes));

        var result = ApiDefinitionImporter.Import(path);

        var error = Assert.Single(result.Errors);
        Assert.Contains("larger than 4194304 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var error = Assert.Single(ApiDefinitionImporter.Import("/nonexistent/api.yaml").Errors);

        Assert.StartsWith("/nonexistent/api.yaml: cannot read the file", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_YAML_names_its_line()
    {
        var error = Single("openapi: 3.0.1\npaths:\n  /a: [\n");

        Assert.NotNull(error.Line);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }
}
