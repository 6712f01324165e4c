using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>CTX-6: the <c>$context.authorizer.*</c> access-log variables of the last request.</summary>
[Binding]
public sealed class LoggingSteps(Stage stage)
{
    [Then("the access log variable {string} is {string}")]
    public void Variable(string name, string value)
    {
        var variables = stage.Last.AuthorizerLogVariables;
        Assert.True(variables.TryGetValue(name, out var actual),
            $"No access log variable '{name}'. Variables: {string.Join(", ", variables.Select(kv => $"{kv.Key}={kv.Value}"))}");
        Assert.Equal(value, actual);
    }

    [Then("the request has no authorizer access log variables")]
    public void None() => Assert.Empty(stage.Last.AuthorizerLogVariables);
}
