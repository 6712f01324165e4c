namespace AuthorizerConformance.Gateway;

/// <summary>Parses a raw query string into name/value pairs in order, percent-decoded (<c>+</c> is a space).</summary>
internal static class QueryString
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }
        return pairs;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
