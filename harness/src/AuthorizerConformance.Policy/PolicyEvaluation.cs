namespace AuthorizerConformance.Policy;

/// <summary>The decision for one request, the statements that decided it, and why each other statement did not match.</summary>
public sealed record PolicyEvaluation
{
    // Set when NotMatched is computed on first access from the policy and the request (the hot path rarely reads it).
    private readonly CompiledPolicy? _policy;
    private readonly PolicyRequest? _request;
    private IReadOnlyList<StatementMismatch>? _notMatched;

    /// <summary>An evaluation with every part given.</summary>
    /// <param name="Decision">Allow, ExplicitDeny, ImplicitDeny, or Invalid.</param>
    /// <param name="DecidingStatements">See <see cref="DecidingStatements"/>.</param>
    /// <param name="NotMatched">See <see cref="NotMatched"/>.</param>
    public PolicyEvaluation(
        PolicyDecision Decision,
        IReadOnlyList<DecidingStatement> DecidingStatements,
        IReadOnlyList<StatementMismatch> NotMatched)
    {
        this.Decision = Decision;
        this.DecidingStatements = DecidingStatements;
        _notMatched = NotMatched;
    }

    // An evaluation whose NotMatched list is computed from the policy and the request on first access.
    internal PolicyEvaluation(PolicyDecision decision, IReadOnlyList<DecidingStatement> decidingStatements, CompiledPolicy policy, PolicyRequest request)
    {
        Decision = decision;
        DecidingStatements = decidingStatements;
        _policy = policy;
        _request = request;
    }

    /// <summary>The evaluation of a document that could not be parsed: never an Allow.</summary>
    public static PolicyEvaluation Invalid { get; } = new(PolicyDecision.Invalid, [], []);

    /// <summary>Allow, ExplicitDeny, ImplicitDeny, or Invalid.</summary>
    public PolicyDecision Decision { get; init; }

    /// <summary>
    /// For <see cref="PolicyDecision.ExplicitDeny"/> every matching Deny; for <see cref="PolicyDecision.Allow"/> every
    /// matching Allow; empty otherwise. Compare as a set: statement order never matters.
    /// </summary>
    public IReadOnlyList<DecidingStatement> DecidingStatements { get; init; }

    /// <summary>Every statement that did not match, with the reason (computed on first access).</summary>
    public IReadOnlyList<StatementMismatch> NotMatched
    {
        // Computing twice on a race is harmless: the result is the same and the evaluation is pure.
        get => Volatile.Read(ref _notMatched) ??
            Interlocked.CompareExchange(ref _notMatched, StatementMismatches.Compute(_policy!.Statements, _request!), null) ?? _notMatched!;
        init => _notMatched = value;
    }

    /// <summary>
    /// Equal when the decision is equal and both lists are the same instances, as for the positional record this type
    /// was: the policy and request a lazy list is computed from are not part of the value.
    /// </summary>
    public bool Equals(PolicyEvaluation? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Decision == other.Decision && ReferenceEquals(DecidingStatements, other.DecidingStatements) &&
             ReferenceEquals(NotMatched, other.NotMatched)));

    /// <summary>From the decision and the deciding list only, so reading NotMatched never changes it.</summary>
    public override int GetHashCode() => HashCode.Combine(Decision, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(DecidingStatements));

    /// <summary>The three parts, as the positional record this type used to be.</summary>
    public void Deconstruct(
        out PolicyDecision Decision, out IReadOnlyList<DecidingStatement> DecidingStatements, out IReadOnlyList<StatementMismatch> NotMatched)
    {
        Decision = this.Decision;
        DecidingStatements = this.DecidingStatements;
        NotMatched = this.NotMatched;
    }
}
