using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>What must come out: status, body, principal, context, whether the authorizer ran.</summary>
[Binding]
public sealed class ExpectationSteps(ScenarioState state)
{
    [Then("access is allowed")]
    public void ThenAccessIsAllowed()
    {
        var response = state.RequireResponse();
        Assert.True(response.Status == 200, $"Expected the request to reach the backend, but the client got {response.Status} ({response.Failure}).");
    }

    [Then("the client gets {int} with body:")]
    public void ThenTheClientGets(int status, string body)
    {
        var response = state.RequireResponse();
        Assert.Equal(status, response.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(response.Body)),
            $"Expected body {body} but got {response.Body}");
    }

    [Then("the principal is {string}")]
    public void ThenThePrincipalIs(string principal) => Assert.Equal(principal, state.RequireResponse().PrincipalId);

    [Then("the backend receives the context:")]
    public void ThenTheBackendReceivesTheContext(DataTable expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var context = state.RequireResponse().Context;
        foreach (var row in expected.Rows)
        {
            Assert.True(context.TryGetValue(row["key"], out var actual), $"The context has no key '{row["key"]}'. Keys: {string.Join(", ", context.Keys)}");
            Assert.Equal(row["value"], actual);
        }
    }

    [Then("the authorizer was invoked")]
    public void ThenTheAuthorizerWasInvoked() =>
        Assert.True(state.RequireResponse().AuthorizerInvoked, "The authorizer was not invoked.");

    [Then("the authorizer was not invoked")]
    public void ThenTheAuthorizerWasNotInvoked() =>
        Assert.False(state.RequireResponse().AuthorizerInvoked, "The authorizer was invoked, but API Gateway must answer without invoking it.");

    [Then("the function fails with the error message {string}")]
    public void ThenTheFunctionFailsWith(string message)
    {
        var invocation = state.DirectInvocation ?? throw new InvalidOperationException("The function was not invoked directly: add a 'When the authorizer function is invoked directly …' step.");
        var error = Assert.IsType<AuthorizerInvocation.FunctionError>(invocation);
        Assert.Equal(message, error.Message);
    }
}
