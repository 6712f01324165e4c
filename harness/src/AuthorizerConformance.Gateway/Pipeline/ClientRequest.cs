namespace AuthorizerConformance.Gateway;

/// <summary>
/// What the client sends: method, actual path, raw query string, headers in order (a name may repeat), body and
/// source IP. For a WebSocket API it stands for the <c>$connect</c> handshake.
/// </summary>
public sealed record ClientRequest
{
    /// <summary>The HTTP verb, e.g. <c>GET</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The actual path, starting with <c>/</c>, without the stage.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string without <c>?</c>, e.g. <c>a=1&amp;a=2</c>.</summary>
    public string Query { get; init; } = "";

    /// <summary>The headers in the order sent; a name may appear more than once.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body, or null. Never passed to an authorizer (REQ-5).</summary>
    public string? Body { get; init; }

    /// <summary>The client's IP address (<c>$context.identity.sourceIp</c>).</summary>
    public string SourceIp { get; init; } = "203.0.113.1";
}
