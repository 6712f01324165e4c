using System.Globalization;
using System.Net;
using AuthorizerConformance.Policy.Conditions;
using CsCheck;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// The fast request-value readers behind Date*, Numeric* and IpAddress conditions agree with the BCL parsers they
/// short-cut: whenever a fast reader accepts a text, the BCL reads the same value from it. Inputs are built near the
/// accepted forms (right shape, out-of-range fields, leading zeros, stray characters) so both branches are reached.
/// </summary>
public class FastParseTests
{
    private const int Iterations = 20_000;

    private static readonly Gen<string> Field = Gen.Frequency(
        (6, Gen.Int[0, 99].Select(i => i.ToString("00", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("60", "99", "00", "31", "29", "30", "0", "1a", " 1", "+1")));

    private static readonly Gen<string> IsoLike =
        Gen.Select(Gen.Int[0, 10_000].Select(y => y.ToString("0000", CultureInfo.InvariantCulture)), Field, Field, Field, Field, Field,
                Gen.OneOf("Z", "z", "", "+00:00", "Z "))
            .Select((y, mo, d, h, mi, s, zone) => $"{y}-{mo}-{d}T{h}:{mi}:{s}{zone}");

    private static readonly Gen<string> Ipv4Part = Gen.Frequency(
        (8, Gen.Int[0, 300].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("00", "010", "0x1", "", "1 ", "-1", "255", "256")));

    private static readonly Gen<string> Ipv4Like = Gen.Frequency(
        (3, Ipv4Part.Array[4]),
        (1, Ipv4Part.Array[1, 5])).Select(parts => string.Join('.', parts));

    [Fact]
    public void The_iso_reader_agrees_with_DateTimeOffset_parsing() =>
        IsoLike.Sample(text =>
        {
            if (!FastParse.TryIsoUtc(text, out var fast))
                return;
            Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var bcl), text);
            Assert.Equal(bcl.UtcTicks, fast.UtcTicks);
        }, iter: Iterations);

    [Fact]
    public void The_iso_reader_accepts_the_form_aws_sends_and_rejects_others()
    {
        Assert.True(FastParse.TryIsoUtc("2025-01-01T00:00:00Z", out var value));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), value);
        Assert.True(FastParse.TryIsoUtc("2024-02-29T23:59:59Z", out _));
        Assert.False(FastParse.TryIsoUtc("2025-02-29T00:00:00Z", out _));
        Assert.False(FastParse.TryIsoUtc("2025-01-01T00:00:60Z", out _));
        Assert.False(FastParse.TryIsoUtc("2025-01-01T00:00:00+01:00", out _));
    }

    [Fact]
    public void The_digit_reader_agrees_with_double_parsing() =>
        Gen.OneOf(Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)), Gen.Char["0123456789 .-+e"].Array[0, 17].Select(c => new string(c)))
            .Sample(text =>
            {
                if (!FastParse.TryDigits(text, out var fast))
                    return;
                Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bcl), text);
                Assert.Equal(bcl, fast);
            }, iter: Iterations);

    [Fact]
    public void The_ipv4_reader_agrees_with_IPAddress_parsing()
    {
        var accepted = 0;
        Ipv4Like.Sample(text =>
        {
            if (!FastParse.TryIPv4(text, out var fast))
                return;
            accepted++;
            Assert.True(IPAddress.TryParse(text, out var bcl), text);
            Assert.Equal(System.Net.Sockets.AddressFamily.InterNetwork, bcl.AddressFamily);
            Assert.Equal(bcl.GetAddressBytes(), BitConverter.GetBytes(fast).Reverse().ToArray());
        }, iter: Iterations, threads: 1);
        Assert.True(accepted > Iterations / 100, $"only {accepted} generated addresses were canonical");
        Assert.False(FastParse.TryIPv4("010.1.2.3", out _));
        Assert.False(FastParse.TryIPv4("10.1.2", out _));
    }
}
