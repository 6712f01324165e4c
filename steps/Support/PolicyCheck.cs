using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Steps.Support;

/// <summary>A policy evaluated on its own (per scenario): the document, the options, the result.</summary>
public sealed class PolicyCheck
{
    private PolicyEvaluation? _result;

    public string? Document { get; set; }

    public PolicyOptions Options { get; set; } = PolicyOptions.Default;

    public IReadOnlyList<PolicyError> Errors { get; private set; } = [];

    public PolicyEvaluation Result => _result ?? throw new InvalidOperationException("The policy was not evaluated: add a 'When the policy is evaluated for …' step.");

    public void Evaluate(string action, string resource, IReadOnlyDictionary<string, IReadOnlyList<string>>? context)
    {
        var parsed = PolicyParser.Parse(Document ?? throw new InvalidOperationException("No policy: add a 'Given the policy:' step."), Options);
        Errors = parsed.Errors;
        _result = parsed.Evaluate(new PolicyRequest(action, resource, context));
    }
}
