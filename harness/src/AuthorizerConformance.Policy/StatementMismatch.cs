namespace AuthorizerConformance.Policy;

/// <summary>Why one statement did not apply to the request.</summary>
/// <param name="Index">0-based position in the document's <c>Statement</c> list.</param>
/// <param name="Sid">The statement's <c>Sid</c>, if any.</param>
/// <param name="Effect">The statement's effect.</param>
/// <param name="Reason">The first element that failed (Action, then Resource, then Condition).</param>
/// <param name="Detail">A readable explanation naming the request value and the patterns it was checked against.</param>
public sealed record StatementMismatch(int Index, string? Sid, PolicyEffect Effect, MismatchReason Reason, string Detail);
