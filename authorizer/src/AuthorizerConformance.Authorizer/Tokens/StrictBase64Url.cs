using System.Buffers;
using System.Buffers.Text;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Base64url without padding (RFC 7515 §2), decoded strictly: only <c>A-Z a-z 0-9 - _</c>, no <c>=</c>, no
/// whitespace, a length that is not 1 mod 4, and zero unused trailing bits, so every byte string has exactly one
/// accepted encoding (no malleable variants of a signed token).
/// </summary>
public static class StrictBase64Url
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Decodes <paramref name="text"/>, or returns null when it is not canonical base64url.</summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        if (!IsCanonical(text))
            return null;
        var output = new byte[DecodedLength(text.Length)];
        return TryDecode(text, output) ? output : null;
    }

    /// <summary>True when <paramref name="text"/> is canonical base64url; nothing is allocated.</summary>
    public static bool IsCanonical(ReadOnlySpan<char> text)
    {
        // The alphabet check is vectorized; '=' and whitespace, which lenient decoders skip, are outside it.
        if (text.Length % 4 == 1 || text.ContainsAnyExcept(Alphabet))
            return false;
        // Leftover bits must be zero: "eyJ9" and "eyJ-" style aliases of the same bytes are refused. Only the last
        // character carries them: 4 bits when the length is 2 mod 4, 2 bits when it is 3 mod 4.
        var unused = (text.Length % 4) switch { 2 => 4, 3 => 2, _ => 0 };
        return unused == 0 || (Value(text[^1]) & ((1 << unused) - 1)) == 0;
    }

    /// <summary>The number of bytes <paramref name="length"/> canonical characters decode to.</summary>
    public static int DecodedLength(int length) => length * 3 / 4;

    /// <summary>Decodes into <paramref name="output"/> (exactly <see cref="DecodedLength"/> bytes); false when not canonical.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> output)
    {
        if (output.Length != DecodedLength(text.Length) || !IsCanonical(text))
            return false;
        // Canonical input is exactly what the (vectorized, otherwise lenient) BCL decoder reads without skipping anything.
        return Base64Url.DecodeFromChars(text, output, out var consumed, out var written) == OperationStatus.Done
               && consumed == text.Length && written == output.Length;
    }

    private static int Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
