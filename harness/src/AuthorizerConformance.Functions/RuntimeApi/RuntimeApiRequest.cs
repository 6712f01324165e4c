namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>One HTTP request a function's runtime made to its Runtime API, read within <see cref="RuntimeApiLimits"/>.</summary>
/// <param name="Body">The body; null when it was larger than <see cref="RuntimeApiLimits.MaxPayloadBytes"/> (then dropped).</param>
/// <param name="BodyLength">The body's size in bytes (when dropped: as far as it was counted).</param>
/// <param name="BodyLengthIsLowerBound">True when the body was too large to count to its end.</param>
internal sealed record RuntimeApiRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    long BodyLength,
    bool BodyLengthIsLowerBound = false)
{
    /// <summary>True when the runtime has closed its side of the connection this request came on (its process is gone).</summary>
    public Func<bool> PeerClosed { get; init; } = static () => false;

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The request line, for log lines: <c>POST /2018-06-01/runtime/invocation/…/response</c>.</summary>
    public override string ToString() => $"{Method} {Path}";
}
