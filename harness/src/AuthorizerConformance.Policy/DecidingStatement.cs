namespace AuthorizerConformance.Policy;

/// <summary>A statement that decided the outcome: every matching statement of the winning effect.</summary>
/// <param name="Index">0-based position in the document's <c>Statement</c> list.</param>
/// <param name="Sid">The statement's <c>Sid</c>, if any.</param>
/// <param name="Effect">The statement's effect.</param>
public sealed record DecidingStatement(int Index, string? Sid, PolicyEffect Effect);
