using System.Globalization;
using System.Net;

namespace AuthorizerConformance.Policy.Conditions;

/// <summary>
/// One compiled policy value of a condition, typed by its operator family, and the comparison of one request value
/// with it (§1.6). A request value that cannot be read as the family's type matches no policy value.
/// </summary>
internal abstract class ConditionValue
{
    /// <summary>Whether <paramref name="requestValue"/> satisfies this value (before negation).</summary>
    public abstract bool Matches(string requestValue, RequestContext context);

    /// <summary>Compiles a policy value; returns null with a message when the value is not of the family's type.</summary>
    public static ConditionValue? Compile(ConditionOperator op, string value, bool variables, out string? error)
    {
        error = null;
        switch (op.Family)
        {
            case OperatorFamily.String:
                return new GlobValue(Glob.Compile(value, op.Comparison == Comparison.EqualsIgnoreCase,
                    wildcards: op.Comparison == Comparison.Like, variables));
            case OperatorFamily.Arn:
                return new ArnValue(value, variables);
            case OperatorFamily.Binary:
                return new GlobValue(Glob.Compile(value, ignoreCase: false, wildcards: false));
            case OperatorFamily.Bool or OperatorFamily.Null:
                if (bool.TryParse(value, out var flag))
                    return new BoolValue(flag);
                error = $"'{value}' is not true or false";
                return null;
            case OperatorFamily.Numeric:
                if (TryNumber(value, out var number))
                    return new OrderedValue<double>(number, op.Comparison, TryNumber);
                error = $"'{value}' is not a number";
                return null;
            case OperatorFamily.Date:
                if (TryDate(value, out var date))
                    return new OrderedValue<DateTimeOffset>(date, op.Comparison, TryDate);
                error = $"'{value}' is not an ISO 8601 date or epoch seconds";
                return null;
            case OperatorFamily.IpAddress:
                if (IpAddressText.TryParseNetwork(value, out var network))
                    return new IpValue(network);
                error = $"'{value}' is not an IP address or CIDR block (IPv4 as a dotted quad without leading zeros, or IPv6)";
                return null;
            default:
                throw new InvalidOperationException($"unknown operator family {op.Family}");
        }
    }

    /// <summary>
    /// IAM numbers are finite decimals (issue 16, defect 4): an optional sign, digits with an optional fraction and an
    /// optional exponent, whose value is finite. <c>NaN</c>, <c>Infinity</c>, <c>1e999</c> (which overflows to infinity),
    /// white space and hex are not numbers, so they fail every numeric condition rather than comparing as one.
    /// </summary>
    internal static bool TryNumber(string text, out double number)
    {
        if (FastParse.TryDigits(text, out number))
            return true;
        number = 0;
        return IsDecimalText(text) && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }

    private static bool IsDecimalText(string text)
    {
        var i = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; digits++; }
        }
        if (digits == 0)
            return false;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
                i++;
            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { i++; exponent++; }
            if (exponent == 0)
                return false;
        }
        return i == text.Length;
    }

    private static bool TryDate(string text, out DateTimeOffset date)
    {
        // An ISO instant is never an integer, so trying it first cannot change which reading applies.
        if (FastParse.TryIsoUtc(text, out date))
            return true;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) &&
            epoch is >= -62135596800L and <= 253402300799L)
        {
            date = DateTimeOffset.FromUnixTimeSeconds(epoch);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out date);
    }

    private sealed class GlobValue(Glob glob) : ConditionValue
    {
        public override bool Matches(string requestValue, RequestContext context) =>
            glob.Resolve(context)?.IsMatch(requestValue) ?? false;
    }

    private sealed class BoolValue(bool expected) : ConditionValue
    {
        public override bool Matches(string requestValue, RequestContext context) =>
            bool.TryParse(requestValue, out var actual) && actual == expected;
    }

    private sealed class IpValue : ConditionValue
    {
        private readonly IPNetwork _network;
        private readonly bool _v4;
        private readonly uint _base, _mask;

        public IpValue(IPNetwork network)
        {
            _network = network;
            _v4 = network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
            if (_v4)
            {
                _mask = network.PrefixLength == 0 ? 0 : uint.MaxValue << (32 - network.PrefixLength);
                _base = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(network.BaseAddress.GetAddressBytes()) & _mask;
            }
        }

        // A canonical IPv4 request value against an IPv4 block is compared as numbers; every other pairing goes
        // through the BCL, which also decides the mixed-family cases.
        public override bool Matches(string requestValue, RequestContext context) =>
            _v4 && FastParse.TryIPv4(requestValue, out var address)
                ? (address & _mask) == _base
                : IpAddressText.TryParseAddress(requestValue, out var parsed) && _network.Contains(parsed);
    }

    private delegate bool Reader<T>(string text, out T value);

    private sealed class OrderedValue<T>(T expected, Comparison comparison, Reader<T> read) : ConditionValue
        where T : IComparable<T>
    {
        public override bool Matches(string requestValue, RequestContext context)
        {
            if (!read(requestValue, out var actual))
                return false;
            var order = actual.CompareTo(expected);
            return comparison switch
            {
                Comparison.Equals or Comparison.EqualsIgnoreCase or Comparison.Like => order == 0,
                Comparison.LessThan => order < 0,
                Comparison.LessThanEquals => order <= 0,
                Comparison.GreaterThan => order > 0,
                Comparison.GreaterThanEquals => order >= 0,
                _ => throw new InvalidOperationException($"unknown comparison {comparison}"),
            };
        }
    }

    // ArnEquals/ArnLike: "each of the six colon-delimited components of the ARN is checked separately" (§1.4).
    private sealed class ArnValue : ConditionValue
    {
        private readonly Glob[] _segments;

        public ArnValue(string pattern, bool variables)
        {
            var parts = ResourcePattern.SplitSegments(pattern);
            _segments = [.. parts.Select((p, i) => Glob.Compile(p, ignoreCase: false, variables: variables && i == parts.Count - 1))];
        }

        public override bool Matches(string requestValue, RequestContext context)
        {
            var arn = new ArnView(requestValue);
            if (arn.SegmentCount != _segments.Length)
                return false;
            for (var i = 0; i < _segments.Length; i++)
            {
                if (_segments[i].Resolve(context)?.IsMatch(arn.Segment(i)) != true)
                    return false;
            }
            return true;
        }
    }
}
