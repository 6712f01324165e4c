namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>
/// The fast (vectorized) strict decoder against a plain bit-by-bit reference over seeded random strings: the same
/// verdict and the same bytes for every input, including the near misses ('=', whitespace, '+', '/', stray bits).
/// </summary>
public sealed class StrictBase64UrlTests
{
    private const string Characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string NearMisses = "=+/ \t\n.é";

    [Fact]
    public void The_fast_decoder_agrees_with_the_reference_on_random_input()
    {
        var random = new Random(20261126);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = RandomText(random);
            var expected = Reference(text);
            var actual = StrictBase64Url.TryDecode(text);

            Assert.Equal(expected is not null, StrictBase64Url.IsCanonical(text));
            if (expected is null)
            {
                Assert.Null(actual);
                continue;
            }
            accepted++;
            Assert.Equal(expected, actual);
        }
        // Both outcomes must be exercised, or the comparison proves nothing.
        Assert.InRange(accepted, 2_000, 18_000);
    }

    [Fact]
    public void Decoding_into_a_buffer_of_the_wrong_size_is_refused() =>
        Assert.False(StrictBase64Url.TryDecode("eyJ9", new byte[4]));

    private static string RandomText(Random random)
    {
        var length = random.Next(0, 24);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = random.Next(40) == 0 ? NearMisses[random.Next(NearMisses.Length)] : Characters[random.Next(Characters.Length)];
        return new string(chars);
    }

    // RFC 4648 §5 alphabet, no padding, length not 1 mod 4, unused trailing bits zero.
    private static byte[]? Reference(string text)
    {
        if (text.Length % 4 == 1)
            return null;
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var v = Characters.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
                return null;
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return buffer != 0 ? null : [.. output];
    }
}
