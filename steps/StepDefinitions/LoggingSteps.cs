using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>CTX-6: the <c>$context.authorizer.*</c> access-log variables of the last request.</summary>
[Binding]
public sealed class LoggingSteps(Stage stage, Expect expect)
{
    [Then("the access log variable {string} is {string}")]
    [Observes(TargetObservation.GatewayDecision)]
    public void Variable(string name, string value)
    {
        stage.Observe(TargetObservation.GatewayDecision);
        var variables = stage.Last.AuthorizerLogVariables;
        expect.That(variables.TryGetValue(name, out var actual),
            () => $"the request has no access log variable \"{name}\" (its variables: {Listed(variables)}); the scenario expects \"{value}\"");
        expect.Equal($"the access log variable \"{name}\"", value, actual);
    }

    [Then("the request has no authorizer access log variables")]
    [Observes(TargetObservation.GatewayDecision)]
    public void None()
    {
        stage.Observe(TargetObservation.GatewayDecision);
        expect.That(stage.Last.AuthorizerLogVariables.Count == 0,
            () => $"the request has the access log variables {Listed(stage.Last.AuthorizerLogVariables)}; the scenario expects none");
    }

    private static string Listed(IReadOnlyDictionary<string, string> variables) =>
        variables.Count == 0 ? "none" : string.Join(", ", variables.Select(kv => $"{kv.Key}={kv.Value}"));
}
