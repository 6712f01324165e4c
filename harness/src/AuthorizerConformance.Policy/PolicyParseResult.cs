namespace AuthorizerConformance.Policy;

/// <summary>
/// What <see cref="PolicyParser"/> made of a document: a compiled policy, or every error with its JSON path. An
/// invalid document never yields a policy, so it can never allow anything.
/// </summary>
public sealed class PolicyParseResult
{
    private PolicyParseResult(CompiledPolicy? policy, IReadOnlyList<PolicyError> errors)
    {
        Policy = policy;
        Errors = errors;
    }

    /// <summary>True when the document is valid and <see cref="Policy"/> is set.</summary>
    public bool IsValid => Policy is not null;

    /// <summary>Every error found, in document order; empty when valid.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    /// <summary>The compiled policy; null when invalid.</summary>
    public CompiledPolicy? Policy { get; }

    /// <summary>
    /// Evaluates the request with the compiled policy, or returns <see cref="PolicyEvaluation.Invalid"/> for an invalid
    /// document (callers map Invalid to 500 AuthorizerConfigurationException, §1.7).
    /// </summary>
    public PolicyEvaluation Evaluate(PolicyRequest request) => Policy?.Evaluate(request) ?? PolicyEvaluation.Invalid;

    internal static PolicyParseResult Valid(CompiledPolicy policy) => new(policy, []);

    internal static PolicyParseResult Failed(IReadOnlyList<PolicyError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("an invalid result needs at least one error", nameof(errors)) : new(null, errors);
}
