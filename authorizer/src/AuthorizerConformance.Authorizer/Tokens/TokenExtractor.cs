using System.Buffers;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Takes the JWT out of an identity value. API Gateway passes the raw header value (TOK-5), so the value may be the
/// bare token or <c>Bearer &lt;token&gt;</c> (scheme case-insensitive), with surrounding whitespace. Any other
/// scheme, an empty value or a token longer than <see cref="AuthorizerSettings.MaxTokenLength"/> is refused.
/// </summary>
public static class TokenExtractor
{
    private const string Bearer = "Bearer";

    /// <summary>Every char that <see cref="char.IsWhiteSpace(char)"/> accepts, for a vectorized search.</summary>
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    /// <summary>The token, or <see cref="UnauthorizedException"/> with a reason code.</summary>
    public static string Extract(string? raw)
    {
        if (raw is null)
            throw new UnauthorizedException("token-missing");
        // Refuse absurd input before any work: a token within the cap plus a scheme and spaces is far below this.
        if (raw.Length > 2 * AuthorizerSettings.MaxTokenLength)
            throw new UnauthorizedException("token-too-long");
        var value = raw.AsSpan().Trim();
        if (value.Length > Bearer.Length
            && value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && char.IsWhiteSpace(value[Bearer.Length]))
        {
            value = value[Bearer.Length..].TrimStart();
        }
        else if (value.Equals(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            throw new UnauthorizedException("token-missing");
        }
        if (value.IsEmpty)
            throw new UnauthorizedException("token-missing");
        if (value.Length > AuthorizerSettings.MaxTokenLength)
            throw new UnauthorizedException("token-too-long");
        if (value.ContainsAny(WhiteSpace))
            throw new UnauthorizedException("token-scheme-unsupported");
        // A bare token with nothing trimmed is the identity value itself: no copy.
        return value.Length == raw.Length ? raw : value.ToString();
    }
}
