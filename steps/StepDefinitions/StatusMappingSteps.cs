using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Scripted outputs too large to write out in a feature (OUT-8, WS-6: 8 KB; ARN-5: a 512-character Resource): the feature
/// writes the JSON with a placeholder and says how long the text standing for it is.
/// </summary>
[Binding]
public sealed class StatusMappingSteps(AuthorizerSteps authorizer)
{
    [Given("the authorizer function returns, with {string} standing for {int} repetitions of {string}:")]
    public void ReturnsPadded(string placeholder, int count, string unit, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var expanded = json.Replace(placeholder, string.Concat(Enumerable.Repeat(unit, count)), StringComparison.Ordinal);
        authorizer.Returns(expanded);
    }
}
