namespace AuthorizerConformance.Harness.Profiles;

/// <summary>
/// The profile's <c>context</c>: which claims the authorizer promises to hand the backend in its context.
/// <c>"primitive-claims"</c> (every string, number and boolean claim), a list of claim names, or <c>"none"</c>
/// (no promise; context checks are skipped).
/// </summary>
public sealed record ProfileContext(bool PrimitiveClaims, IReadOnlyList<string> ClaimNames)
{
    /// <summary><c>"primitive-claims"</c>.</summary>
    public static ProfileContext AllPrimitiveClaims { get; } = new(true, []);

    /// <summary><c>"none"</c>.</summary>
    public static ProfileContext None { get; } = new(false, []);

    /// <summary>Whether the authorizer promises any claim in its context.</summary>
    public bool PromisesClaims => PrimitiveClaims || ClaimNames.Count > 0;

    /// <summary>Whether a claim <paramref name="name"/> with a string, number or boolean value is promised.</summary>
    public bool Promises(string name) => PrimitiveClaims || ClaimNames.Contains(name, StringComparer.Ordinal);

    /// <summary>The profile text: <c>primitive-claims</c>, <c>none</c> or the list.</summary>
    public override string ToString() => PrimitiveClaims ? "primitive-claims" : ClaimNames.Count == 0 ? "none" : string.Join(", ", ClaimNames);
}
