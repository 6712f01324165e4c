using AuthorizerConformance.Policy;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>The IAM evaluator on its own: a policy document, a request, the decision and why.</summary>
[Binding]
public sealed class PolicySteps(PolicyCheck check)
{
    [Given("the policy:")]
    public void Policy(string json) => check.Document = json;

    [Given("conditions are rejected as invalid")]
    public void RejectConditions() => check.Options = check.Options with { Conditions = ConditionHandling.RejectAsInvalid };

    [When("the policy is evaluated for {arn}")]
    public void Evaluate(ExecuteArn resource) => check.Evaluate(PolicyRequest.InvokeAction, resource.Value, null);

    [When("the policy is evaluated for the action {string} on {arn}")]
    public void EvaluateAction(string action, ExecuteArn resource) => check.Evaluate(action, resource.Value, null);

    [When("the policy is evaluated for {arn} with the request context:")]
    public void EvaluateWithContext(ExecuteArn resource, DataTable context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = context.Rows.GroupBy(r => r["key"], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r["value"])], StringComparer.OrdinalIgnoreCase);
        check.Evaluate(PolicyRequest.InvokeAction, resource.Value, values);
    }

    [Then("the decision is {word}")]
    public void Decision(string decision) =>
        Assert.True(check.Result.Decision.ToString() == decision,
            $"Expected {decision}, got {check.Result.Decision}. Errors: {string.Join("; ", check.Errors.Select(e => $"{e.Path}: {e.Message}"))}. " +
            $"Not matched: {string.Join("; ", check.Result.NotMatched.Select(m => $"#{m.Index} {m.Reason}: {m.Detail}"))}");

    [Then("the statements that decided are {string}")]
    public void Deciding(string statements) =>
        Assert.Equal(
            statements.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal),
            check.Result.DecidingStatements.Select(s => s.Sid ?? $"#{s.Index}").Order(StringComparer.Ordinal));

    [Then("the policy is invalid at {string}")]
    public void InvalidAt(string path)
    {
        Assert.Equal(PolicyDecision.Invalid, check.Result.Decision);
        Assert.True(check.Errors.Any(e => e.Path == path), $"No error at '{path}'. Errors: {string.Join("; ", check.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
    }

    [Then("statement {int} did not match because of its {word}")]
    public void Mismatch(int index, string reason)
    {
        var mismatch = check.Result.NotMatched.FirstOrDefault(m => m.Index == index);
        Assert.True(mismatch is not null, $"Statement {index} is not among the statements that did not match.");
        Assert.Equal(reason, mismatch.Reason.ToString(), ignoreCase: true);
    }
}
