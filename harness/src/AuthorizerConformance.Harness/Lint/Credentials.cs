using System.Buffers.Text;

namespace AuthorizerConformance.Harness.Lint;

/// <summary>Shapes of credentials the linter recognises in a principalId.</summary>
internal static class Credentials
{
    /// <summary>Three dot-separated base64url parts whose first decodes to a JSON object: a JWS compact token.</summary>
    public static bool LooksLikeJwt(string text)
    {
        var parts = text.Trim().Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[0].Length > 4096)
            return false;
        if (!parts.All(p => p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            return false;
        var buffer = new byte[Base64Url.GetMaxDecodedLength(parts[0].Length)];
        return Base64Url.TryDecodeFromChars(parts[0], buffer, out var written)
            && buffer.AsSpan(0, written).TrimStart(" \t\r\n"u8) is [(byte)'{', ..];
    }

    /// <summary>An AWS access key id: AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits.</summary>
    public static bool LooksLikeAwsAccessKey(string text)
    {
        var t = text.Trim();
        return t.Length == 20 && (t.StartsWith("AKIA", StringComparison.Ordinal) || t.StartsWith("ASIA", StringComparison.Ordinal))
            && t.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
    }
}
