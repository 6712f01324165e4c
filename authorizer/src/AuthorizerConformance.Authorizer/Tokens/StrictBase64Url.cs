namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Base64url without padding (RFC 7515 §2), decoded strictly: only <c>A-Z a-z 0-9 - _</c>, no <c>=</c>, no
/// whitespace, a length that is not 1 mod 4, and zero unused trailing bits, so every byte string has exactly one
/// accepted encoding (no malleable variants of a signed token).
/// </summary>
public static class StrictBase64Url
{
    /// <summary>Decodes <paramref name="text"/>, or returns null when it is not canonical base64url.</summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 == 1)
            return null;
        var output = new byte[DecodedLength(text.Length)];
        return TryDecode(text, output) ? output : null;
    }

    /// <summary>True when <paramref name="text"/> is canonical base64url; nothing is allocated.</summary>
    public static bool IsCanonical(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 == 1)
            return false;
        foreach (var c in text)
        {
            if (Value(c) < 0)
                return false;
        }
        // Leftover bits must be zero (see TryDecode): only the last character carries them.
        var unused = (text.Length % 4) switch { 2 => 4, 3 => 2, _ => 0 };
        return unused == 0 || (Value(text[^1]) & ((1 << unused) - 1)) == 0;
    }

    /// <summary>The number of bytes <paramref name="length"/> canonical characters decode to.</summary>
    public static int DecodedLength(int length) => length * 3 / 4;

    /// <summary>Decodes into <paramref name="output"/> (exactly <see cref="DecodedLength"/> bytes); false when not canonical.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> output)
    {
        if (text.Length % 4 == 1 || output.Length != DecodedLength(text.Length))
            return false;
        int buffer = 0, bits = 0, written = 0;
        foreach (var c in text)
        {
            var v = Value(c);
            if (v < 0)
                return false;
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                output[written++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        // Leftover bits must be zero: "eyJ9" and "eyJ-" style aliases of the same bytes are refused.
        return buffer == 0;
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
