namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// Renders secrets for logs and reports: a JWT becomes its first header characters and a count
/// (<c>eyJhbGciOi…[redacted 412 chars]</c>), so no report ever holds a whole token.
/// </summary>
public static class Redaction
{
    private const int Shown = 10;

    /// <summary>The token with everything after the first characters of its header withheld.</summary>
    public static string Jwt(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return "(none)";
        var headerEnd = token.IndexOf('.', StringComparison.Ordinal);
        var shown = Math.Min(Shown, headerEnd < 0 ? 0 : headerEnd);
        return $"{token[..shown]}…[redacted {token.Length - shown} chars]";
    }

    /// <summary>Replaces every occurrence of <paramref name="token"/> in <paramref name="text"/> by its redacted form.</summary>
    public static string Scrub(string text, string token)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.IsNullOrEmpty(token) ? text : text.Replace(token, Jwt(token), StringComparison.Ordinal);
    }
}
