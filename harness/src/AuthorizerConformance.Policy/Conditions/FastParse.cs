namespace AuthorizerConformance.Policy.Conditions;

/// <summary>
/// Allocation-free readers for the request-value forms API Gateway and the AWS SDKs actually send (§1.6): an ISO 8601
/// UTC instant <c>yyyy-MM-ddTHH:mm:ssZ</c>, a run of digits, a canonical dotted-quad IPv4 address. Each accepts only
/// text whose meaning the BCL parser would give the same value; anything else returns false and the caller falls back
/// to the BCL parser, so these change speed, never results (checked against the BCL by FastParseTests).
/// </summary>
internal static class FastParse
{
    /// <summary>Exactly <c>yyyy-MM-ddTHH:mm:ssZ</c> with a valid calendar date and time.</summary>
    public static bool TryIsoUtc(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
            return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
            !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month) || hour > 23 || minute > 59 || second > 59)
            return false;
        value = new DateTimeOffset((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second, TimeSpan.Zero);
        return true;
    }

    /// <summary>1 to 15 ASCII digits: an integer a double holds exactly.</summary>
    public static bool TryDigits(string text, out double value)
    {
        value = 0;
        if (text.Length is 0 or > 15 || !Digits(text, 0, text.Length, out var number))
            return false;
        value = number;
        return true;
    }

    /// <summary>Four decimal parts 0–255 without leading zeros (a leading zero is octal to the BCL), as a big-endian number.</summary>
    public static bool TryIPv4(string text, out uint address)
    {
        address = 0;
        var parts = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.')
                continue;
            var length = i - start;
            if (length is 0 or > 3 || (length > 1 && text[start] == '0') || !Digits(text, start, length, out var part) || part > 255 || ++parts > 4)
                return false;
            address = (address << 8) | (uint)part;
            start = i + 1;
        }
        return parts == 4;
    }

    private static bool Digits(string text, int start, int length, out long number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
                return false;
            number = (number * 10) + digit;
        }
        return true;
    }
}
