namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Renders a token for a log line: at most the first characters of its header, then how many were withheld
/// (<c>eyJhbGciOi…[redacted 412 chars]</c>). The payload and signature never appear.
/// </summary>
public static class LogSafe
{
    private const int Shown = 10;

    public static string Token(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return "(none)";
        var headerEnd = token.IndexOf('.', StringComparison.Ordinal);
        var shown = Math.Min(Shown, headerEnd < 0 ? 0 : headerEnd);
        return $"{token[..shown]}…[redacted {token.Length - shown} chars]";
    }
}
