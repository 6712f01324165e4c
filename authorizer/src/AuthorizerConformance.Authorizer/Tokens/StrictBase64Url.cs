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
        var output = new byte[text.Length * 3 / 4];
        int buffer = 0, bits = 0, written = 0;
        foreach (var c in text)
        {
            var v = Value(c);
            if (v < 0)
                return null;
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
        return buffer != 0 ? null : output;
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
