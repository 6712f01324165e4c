using System.Globalization;
using System.Net;

namespace AuthorizerConformance.Policy;

/// <summary>
/// The one strict reading of IP address text (issue 16, defect 5): IPv4 only as a canonical dotted quad (four decimal
/// parts 0–255 without leading zeros) and IPv6 in its colon form without a zone; CIDR blocks as such an address, a
/// slash and a decimal prefix length without leading zeros. The BCL parser also accepts <c>012.1.1.1</c> (octal),
/// <c>10.1</c> and <c>167772161</c>, which name 10.x addresses in text a policy author cannot see as such, so
/// "Deny NotIpAddress 10.0.0.0/8" would have let <c>012.1.1.1</c> through. Used by the condition operators and the
/// scenario parser's <c>sourceIp</c>.
/// </summary>
public static class IpAddressText
{
    /// <summary>Reads an address; false for anything but a canonical dotted quad or an IPv6 address.</summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = IPAddress.None;
        if (Conditions.FastParse.TryIPv4(text, out var v4))
        {
            var bytes = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, v4);
            address = new IPAddress(bytes);
            return true;
        }
        // IPv6: hex digits, colons, and a trailing dotted quad (::ffff:1.2.3.4); no zone (%eth0), no brackets, no space.
        if (!text.Contains(':', StringComparison.Ordinal) || text.Length > 45)
            return false;
        foreach (var c in text)
        {
            if (!(char.IsAsciiHexDigit(c) || c is ':' or '.'))
                return false;
        }
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return false;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && !Conditions.FastParse.TryIPv4(text[(text.LastIndexOf(':') + 1)..], out _))
            return false;
        address = parsed;
        return true;
    }

    /// <summary>Reads a CIDR block, or a single address as a /32 or /128 block.</summary>
    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(text);
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!TryParseAddress(slash < 0 ? text : text[..slash], out var address))
            return false;
        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        var prefix = max;
        if (slash >= 0)
        {
            var digits = text.AsSpan(slash + 1);
            if (digits.Length is 0 or > 3 || (digits.Length > 1 && digits[0] == '0') ||
                !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > max)
                return false;
        }
        // As before: a base address with bits set past the prefix (10.0.0.1/8) is refused, as IPNetwork refuses it.
        return IPNetwork.TryParse(string.Create(CultureInfo.InvariantCulture, $"{address}/{prefix}"), out network);
    }
}
