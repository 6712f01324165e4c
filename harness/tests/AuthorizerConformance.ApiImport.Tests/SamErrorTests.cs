namespace AuthorizerConformance.ApiImport.Tests;

/// <summary>SAM constructs the importer cannot resolve or does not model are errors with their path.</summary>
public class SamErrorTests
{
    private static readonly string Template = File.ReadAllText(ImportedDefinitionTests.Data("template.yaml"));

    private static ApiImportError Single(string text)
    {
        var result = ApiDefinitionImporter.ImportText(text, "template.yaml");
        Assert.False(result.IsValid, "the import must fail");
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void If_cannot_be_resolved_before_deployment()
    {
        var error = Single(Template.Replace("StageName: !Ref Stage", "StageName: !If [IsProd, prod, dev]", StringComparison.Ordinal));

        Assert.Equal("Resources.ShopApi.Properties.StageName", error.Path);
        Assert.Contains("cannot be resolved before deployment", error.Message, StringComparison.Ordinal);
        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void A_Ref_to_a_parameter_without_Default_is_refused()
    {
        var error = Single(Template.Replace("    Default: live\n", "", StringComparison.Ordinal));

        Assert.Contains("no Default", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_and_Join_resolve()
    {
        var result = ApiDefinitionImporter.ImportText(
            Template.Replace("Path: /carts\n", "Path: !Join [\"/\", [\"\", !Sub \"${Stage}-carts\"]]\n", StringComparison.Ordinal), "template.yaml");

        Assert.True(result.IsValid, result.ToString());
        Assert.Contains(result.Api!.Parsed.Api.Routes, r => r.RouteKey == "GET /live-carts");
    }

    [Fact]
    public void A_Cognito_authorizer_is_refused()
    {
        var error = Single(Template.Replace("FunctionArn: !GetAtt AuthFunction.Arn", "UserPoolArn: arn:aws:cognito-idp:x", StringComparison.Ordinal));

        Assert.Equal("Resources.ShopApi.Properties.Auth.Authorizers.TokenAuth.UserPoolArn", error.Path);
    }

    [Fact]
    public void An_event_naming_an_unknown_authorizer_is_refused()
    {
        var error = Single(Template.Replace("Authorizer: NONE", "Authorizer: Nope", StringComparison.Ordinal));

        Assert.Equal("Resources.ShopFunction.Properties.Events.Ping.Properties.Auth.Authorizer", error.Path);
    }

    [Fact]
    public void Two_APIs_need_a_choice()
    {
        var text = Template + "  OtherApi:\n    Type: AWS::Serverless::HttpApi\n";

        Assert.Contains("choose one", Single(text).Message, StringComparison.Ordinal);
        Assert.True(ApiDefinitionImporter.ImportText(text, "template.yaml", new ApiImportOptions { ApiName = "ShopApi" }).IsValid);
    }

    [Fact]
    public void Raw_API_Gateway_resources_are_refused()
    {
        var error = Single(Template + "  Raw:\n    Type: AWS::ApiGateway::Authorizer\n");

        Assert.Equal("Resources.Raw.Type", error.Path);
    }
}
