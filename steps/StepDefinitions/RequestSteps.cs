using System.Text;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness;
using AuthorizerConformance.Harness.Foundation;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>What the client (or a test calling the function directly) does.</summary>
[Binding]
public sealed class RequestSteps(ScenarioState state)
{
    [When("the client calls {word} {word} with the token in the {string} header")]
    public Task WhenTheClientCallsWithTheToken(string method, string path, string header) =>
        SendAsync(method, path, new Dictionary<string, string> { [header] = state.Token ?? throw new InvalidOperationException("No token: add a 'Given a token …' step.") });

    [When("the client calls {word} {word} without a token")]
    public Task WhenTheClientCallsWithoutAToken(string method, string path) =>
        SendAsync(method, path, new Dictionary<string, string>());

    [When("the authorizer function is invoked directly with the token {string} for {word} {word}")]
    public async Task WhenTheAuthorizerIsInvokedDirectly(string token, string method, string path)
    {
        var function = ReferenceAuthorizerTargets.Token(state.AuthorizerEnvironment, state.Clock);
        state.DirectEvent = new JsonObject
        {
            ["type"] = "TOKEN",
            ["authorizationToken"] = token,
            ["methodArn"] = state.Api.MethodArn(method, path),
        }.ToJsonString();
        state.Token = token;
        state.DirectInvocation = await function.InvokeAsync(Encoding.UTF8.GetBytes(state.DirectEvent), TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    private async Task SendAsync(string method, string path, Dictionary<string, string> headers)
    {
        var gateway = new FoundationTokenGateway(state.Api, ReferenceAuthorizerTargets.Token(state.AuthorizerEnvironment, state.Clock));
        state.Response = await gateway.SendAsync(new ClientRequest(method, path, headers));
    }
}
