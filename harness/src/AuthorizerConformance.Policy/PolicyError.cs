namespace AuthorizerConformance.Policy;

/// <summary>One reason a policy document is invalid, at a JSON path such as <c>Statement[0].Effect</c>.</summary>
/// <param name="Path">JSON path of the offending element; empty for the document itself.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record PolicyError(string Path, string Message);
