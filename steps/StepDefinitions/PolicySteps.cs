using AuthorizerConformance.Policy;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>The IAM evaluator on its own: a policy document, a request, the decision and why.</summary>
[Binding]
public sealed class PolicySteps(PolicyCheck check, Expect expect)
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
        expect.That(check.Result.Decision.ToString() == decision, () =>
            $"the policy's decision is \"{check.Result.Decision}\"; the scenario expects \"{decision}\"" + Environment.NewLine +
            $"  errors: {Errors()}" + Environment.NewLine +
            $"  statements not matched: {(check.Result.NotMatched.Count == 0 ? "none" : string.Join("; ", check.Result.NotMatched.Select(m => $"#{m.Index} {m.Reason}: {m.Detail}")))}");

    [Then("the statements that decided are {string}")]
    public void Deciding(string statements)
    {
        var expected = string.Join(", ", statements.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        var actual = string.Join(", ", check.Result.DecidingStatements.Select(s => s.Sid ?? $"#{s.Index}").Order(StringComparer.Ordinal));
        expect.That(expected == actual, () => $"the statements that decided are {Expect.Quote(actual)}; the scenario expects {Expect.Quote(expected)}");
    }

    [Then("the policy is invalid at {string}")]
    public void InvalidAt(string path)
    {
        expect.That(check.Result.Decision == PolicyDecision.Invalid,
            () => $"the policy's decision is \"{check.Result.Decision}\"; the scenario expects \"Invalid\" at \"{path}\"");
        expect.That(check.Errors.Any(e => e.Path == path), () => $"the policy has no error at \"{path}\" (its errors: {Errors()}); the scenario expects one");
    }

    [Then("statement {int} did not match because of its {word}")]
    public void Mismatch(int index, string reason)
    {
        var mismatch = check.Result.NotMatched.FirstOrDefault(m => m.Index == index);
        expect.That(mismatch is not null, () =>
            $"statement {index} is not among the statements that did not match " +
            $"({(check.Result.NotMatched.Count == 0 ? "none did" : string.Join(", ", check.Result.NotMatched.Select(m => $"#{m.Index}")))}); the scenario expects it to miss because of its {reason}");
        expect.That(string.Equals(reason, mismatch.Reason.ToString(), StringComparison.OrdinalIgnoreCase),
            () => $"statement {index} did not match because of its {mismatch.Reason}; the scenario expects its {reason}");
    }

    private string Errors() => check.Errors.Count == 0 ? "none" : string.Join("; ", check.Errors.Select(e => $"{e.Path}: {e.Message}"));
}
