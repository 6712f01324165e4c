namespace AuthorizerConformance.Gateway.Tests;

public class LogVariableTests
{
    [Fact]
    public async Task CTX_6_an_allowed_request_logs_status_200_and_the_invocation()
    {
        var result = await Kit.RestToken(Outputs.AllowAll).Token();

        Assert.Equal("200", result.AuthorizerLogVariables[AuthorizerLogVariables.Status]);
        Assert.Equal("-", result.AuthorizerLogVariables[AuthorizerLogVariables.Error]);
        Assert.Equal("200", result.AuthorizerLogVariables[AuthorizerLogVariables.IntegrationStatus]);
        Assert.Equal("0", result.AuthorizerLogVariables[AuthorizerLogVariables.IntegrationLatency]);
    }

    [Fact]
    public async Task CTX_6_a_function_error_logs_500_with_its_message()
    {
        var result = await Kit.RestToken(Outputs.Error("boom")).Token();

        Assert.Equal("500", result.AuthorizerLogVariables[AuthorizerLogVariables.Status]);
        Assert.Contains("boom", result.AuthorizerLogVariables[AuthorizerLogVariables.Error], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CTX_6_a_request_the_authorizer_stage_never_saw_has_no_variables()
    {
        var result = await Kit.RestToken(Outputs.AllowAll).Send("GET", "/no/such/route", ("Authorization", "Bearer good"));

        Assert.Equal(FailureCodes.RouteNotFound, result.Failure);
        Assert.Empty(result.AuthorizerLogVariables);
    }

    [Fact]
    public async Task CTX_6_a_missing_identity_source_logs_401_without_an_authorizer_integration()
    {
        var result = await Kit.RestToken(Outputs.AllowAll).Send("GET", "/pets/1");

        Assert.Equal("401", result.AuthorizerLogVariables[AuthorizerLogVariables.Status]);
        Assert.Equal("-", result.AuthorizerLogVariables[AuthorizerLogVariables.IntegrationStatus]);
        Assert.Equal("-", result.AuthorizerLogVariables[AuthorizerLogVariables.IntegrationLatency]);
    }
}
