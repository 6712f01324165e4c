namespace AuthorizerConformance.Fuzz;

/// <summary>
/// How a fuzz target classified one input: valid (with what it read), or invalid with the parser's own reason (its
/// code, JSON path or message). A target returns a verdict for every input; an exception escaping a target is a finding.
/// </summary>
/// <param name="Valid">True when the parser accepted the input.</param>
/// <param name="Reason">What was read, or why the input was refused.</param>
public readonly record struct FuzzVerdict(bool Valid, string Reason)
{
    /// <summary>The input was accepted; <paramref name="what"/> names what was read.</summary>
    public static FuzzVerdict Accepted(string what) => new(true, what);

    /// <summary>The input was refused for <paramref name="reason"/>.</summary>
    public static FuzzVerdict Refused(string reason) => new(false, reason);

    /// <inheritdoc />
    public override string ToString() => Valid ? $"valid: {Reason}" : $"invalid: {Reason}";
}
