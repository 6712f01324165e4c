namespace AuthorizerConformance.Gateway.Tests;

public class UnauthorizedTests
{
    [Fact]
    public async Task UNA_1_function_error_Unauthorized_gives_401()
    {
        var kit = Kit.RestToken(Outputs.Error("Unauthorized"));
        var result = await kit.Token();
        Expect.Rejected(result, 401, FailureCodes.AuthorizerUnauthorized);
        Assert.Equal("""{"message":"Unauthorized"}""", result.Body);
        Assert.Equal("UnauthorizedException", result.Headers["x-amzn-ErrorType"]);
        Assert.True(result.AuthorizerInvoked);
    }

    [Fact]
    public async Task UNA_1_Unauthorized_with_detail_is_not_an_exact_match_and_gives_500()
    {
        var kit = Kit.RestToken(Outputs.Error("Unauthorized: expired"));
        Expect.Rejected(await kit.Token(), 500, FailureCodes.AuthorizerError);
    }

    [Fact]
    public async Task UNA_2_any_other_error_gives_500_null_message_with_configuration_exception()
    {
        var kit = Kit.RestToken(Outputs.Error("Error: Invalid token"));
        var result = await kit.Token();
        Expect.Rejected(result, 500, FailureCodes.AuthorizerError);
        Assert.Equal("""{"message":null}""", result.Body);
        Assert.Equal("AuthorizerConfigurationException", result.Headers["x-amzn-ErrorType"]);
        Assert.Equal(GatewayResponseType.AuthorizerConfigurationError, result.ResponseType);
    }

    [Fact]
    public async Task UNA_4_returning_the_string_Unauthorized_is_malformed_output_500()
    {
        var kit = Kit.RestToken(Outputs.Return("\"Unauthorized\""));
        Expect.Rejected(await kit.Token(), 500, FailureCodes.AuthorizerOutputInvalid);
    }
}
