using System.Text;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// The one decoding of a secret given as text (<c>AUTH_TOKEN_SALT</c>, <c>authz token mint --secret</c>) into key bytes:
/// the text's UTF-8, and only for text that is valid Unicode. An environment variable holding bytes that are not UTF-8
/// reaches .NET with each bad byte replaced by U+FFFD (three bytes): 11 × 0xFF would become 33 bytes of
/// "\uFFFD\uFFFD…", pass a 32-byte minimum and be guessable (issue 16, defect 2). So U+FFFD and lone surrogates are
/// refused, and the length is counted in the bytes that remain.
/// </summary>
public static class SecretText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, or false when it holds U+FFFD or a lone surrogate.</summary>
    public static bool TryGetBytes(string text, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = [];
        // U+FFFD is what the platform put in place of bytes that were not UTF-8: the secret as given is unknown.
        if (text.Contains('\uFFFD', StringComparison.Ordinal))
            return false;
        try
        {
            bytes = Strict.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
