using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AuthorizerConformance.Harness.Canaries;

/// <summary>
/// The ways a report may hold a text other than literally: JSON string escapes (<c>\u002B</c>, <c>\/</c>), HTML and XML
/// entities, and base64 bodies (Cucumber messages' attachments, <c>"body":"…","contentEncoding":"BASE64"</c>). A canary
/// search looks at every view, so an escaped or encoded leak is still a leak.
/// </summary>
internal static partial class CanaryViews
{
    public static IEnumerable<(string Where, string Text)> Of(string text)
    {
        var json = Unescape(text);
        yield return ("", text);
        yield return (" (JSON-unescaped)", json);
        yield return (" (HTML-decoded)", WebUtility.HtmlDecode(text));
        yield return (" (JSON-unescaped, HTML-decoded)", WebUtility.HtmlDecode(json));
        var decoded = new StringBuilder();
        foreach (Match m in Base64Body().Matches(json))
        {
            var body = m.Groups["b"].Value;
            var bytes = new byte[body.Length];
            if (Convert.TryFromBase64String(body, bytes, out var written))
                decoded.AppendLine(Encoding.UTF8.GetString(bytes, 0, written));
        }
        if (decoded.Length > 0)
            yield return (" (a base64 attachment)", decoded.ToString());
    }

    /// <summary>How many base64 attachment bodies <paramref name="text"/> holds (so a test can show the view is not empty).</summary>
    public static int Base64Bodies(string text) => Base64Body().Count(Unescape(text));

    private static string Unescape(string text) =>
        JsonEscape().Replace(text, m => m.Groups["u"].Success
            ? ((char)Convert.ToInt32(m.Groups["u"].Value, 16)).ToString()
            : m.Groups["c"].Value switch { "n" => "\n", "r" => "\r", "t" => "\t", "b" => "\b", "f" => "\f", var c => c });

    [GeneratedRegex(@"\\(?:u(?<u>[0-9A-Fa-f]{4})|(?<c>[""\\/nrtbf]))")]
    private static partial Regex JsonEscape();

    [GeneratedRegex(@"""body""\s*:\s*""(?<b>[A-Za-z0-9+/=]{16,})""")]
    private static partial Regex Base64Body();
}
