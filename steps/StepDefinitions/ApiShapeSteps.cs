using AuthorizerConformance.Gateway;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Steps of the HTTP API and WebSocket features: a set-up API Gateway itself refuses (HTTP-1: no TOKEN authorizers on
/// HTTP APIs; HTTP-8: no gateway-response customisation; WS-1: an authorizer only on <c>$connect</c>), and a scripted
/// output of a chosen size (WS-6, OUT-8: the 8 KB result limit).
/// </summary>
[Binding]
public sealed class ApiShapeSteps(Stage stage, AuthorizerSteps authorizer)
{
    private const string SetupRefused = "The scenario's API set-up is not valid: ";
    private InvalidOperationException? _refusal;

    [When("the API is deployed")]
    public async Task Deploy()
    {
        // The stage is built on its first request; a set-up API Gateway would refuse never gets that far.
        try
        {
            await stage.SendAsync(new ClientRequest { Method = "GET", Path = "/" });
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith(SetupRefused, StringComparison.Ordinal))
        {
            _refusal = e;
        }
    }

    [Then("the set-up is refused at {string}: {string}")]
    public void Refused(string path, string reason)
    {
        Assert.True(_refusal is not null, "The API set-up was accepted, but must be refused.");
        Assert.StartsWith($"{SetupRefused}{path}: {reason}", _refusal.Message, StringComparison.Ordinal);
    }

    [Given("the authorizer function returns an Allow for the incoming ARN with a context value of {int} characters")]
    public void ReturnsLargeOutput(int characters) =>
        authorizer.Returns($$$"""
            {"principalId": "u-1",
             "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]},
             "context": {"padding": "{{{new string('x', characters)}}}"}}
            """);
}
