namespace AuthorizerConformance.Policy;

/// <summary>The decision for one request, the statements that decided it, and why each other statement did not match.</summary>
/// <param name="Decision">Allow, ExplicitDeny, ImplicitDeny, or Invalid.</param>
/// <param name="DecidingStatements">
/// For <see cref="PolicyDecision.ExplicitDeny"/> every matching Deny; for <see cref="PolicyDecision.Allow"/> every
/// matching Allow; empty otherwise. Compare as a set: statement order never matters.
/// </param>
/// <param name="NotMatched">Every statement that did not match, with the reason (computed on first access).</param>
public sealed record PolicyEvaluation(
    PolicyDecision Decision,
    IReadOnlyList<DecidingStatement> DecidingStatements,
    IReadOnlyList<StatementMismatch> NotMatched)
{
    /// <summary>The evaluation of a document that could not be parsed: never an Allow.</summary>
    public static PolicyEvaluation Invalid { get; } = new(PolicyDecision.Invalid, [], []);
}
