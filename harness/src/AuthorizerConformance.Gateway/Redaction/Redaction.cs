using System.Text;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// The one redaction routine of the harness and the CLI (STYLE 19; the reference authorizer keeps an equal copy,
/// <c>LogSafe</c>, checked against the same vectors). Two passes over any text that is printed or stored:
/// <list type="number">
/// <item>By structure: every run <c>part.part.part</c> of base64url text whose first part decodes to a JSON object (a
/// JOSE header, whatever its spacing or member order: <c>eyJ…</c>, <c>eyAi…</c>, <c>CnsiYW…</c>) keeps its header and
/// payload and loses what verifies it: a JWS's signature becomes <see cref="Marker"/>; a JWE's four encrypted parts do.</item>
/// <item>By value: every secret the run saw or made (keys, secrets, tokens, and the parts of a token that verify),
/// at least <see cref="MinimumSecretLength"/> characters, becomes <c>[REDACTED]</c> wherever it appears, in whatever
/// shape the token had (standard base64, a stray prefix, a header that is not JSON).</item>
/// </list>
/// Linear in the text: one scan for the structure, one search per secret.
/// </summary>
public static class Redaction
{
    /// <summary>What replaces a signature (and a JWE's encrypted parts).</summary>
    public const string Marker = "REDACTED";

    /// <summary>What replaces a known secret value.</summary>
    public const string ValueMarker = "[REDACTED]";

    /// <summary>Shorter values are not redacted by value (they would erase ordinary words); structure still applies.</summary>
    public const int MinimumSecretLength = 8;

    private const int Shown = 10;

    /// <summary>Redacts <paramref name="text"/> by structure, then every value of <paramref name="secrets"/> and its parts.</summary>
    public static string Redact(string text, IEnumerable<string>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Structural(text);
        if (secrets is null)
            return text;
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
            AddWithParts(values, secret);
        // Longest first, so a token goes whole before its signature is looked for.
        foreach (var value in values.OrderByDescending(v => v.Length))
            text = text.Replace(value, ValueMarker, StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// A token rendered alone for a log line: the first characters of its header, then how many were withheld
    /// (<c>eyJhbGciOi…[redacted 412 chars]</c>). The payload and signature never appear.
    /// </summary>
    public static string Jwt(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return "(none)";
        var headerEnd = token.IndexOf('.', StringComparison.Ordinal);
        var shown = Math.Min(Shown, headerEnd < 0 ? 0 : headerEnd);
        return $"{token[..shown]}…[redacted {token.Length - shown} chars]";
    }

    /// <summary>
    /// A secret and the parts of it that are secrets too: a token after its scheme (<c>Bearer x</c>), and every part of a
    /// dotted token after its header and payload (what verifies it).
    /// </summary>
    private static void AddWithParts(HashSet<string> values, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
            return;
        Add(values, secret);
        var space = secret.LastIndexOf(' ');
        var bare = space >= 0 ? secret[(space + 1)..] : secret;
        Add(values, bare);
        var parts = bare.Split('.');
        for (var i = 2; i < parts.Length; i++)
            Add(values, parts[i]);
        if (parts.Length == 1)
            return;
        // A token that is not dotted in the usual way (a two-part attack token, say): its last part still verifies.
        Add(values, parts[^1]);
    }

    private static void Add(HashSet<string> values, string value)
    {
        if (value.Length >= MinimumSecretLength)
            values.Add(value);
    }

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>The structural pass: each maximal run of base64url characters and dots is split at the dots and checked.</summary>
    private static string Structural(string text)
    {
        StringBuilder? output = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsBase64Url(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (IsBase64Url(text[i]) || text[i] == '.'))
                i++;
            if (text.AsSpan(start, i - start).Contains('.'))
                RedactRun(text, start, i, ref output, ref copied);
        }
        if (output is null)
            return text;
        output.Append(text, copied, text.Length - copied);
        return output.ToString();
    }

    private static void RedactRun(string text, int start, int end, ref StringBuilder? output, ref int copied)
    {
        var parts = new List<(int Start, int Length)>();
        var partStart = start;
        for (var j = start; j <= end; j++)
        {
            if (j < end && text[j] != '.')
                continue;
            parts.Add((partStart, j - partStart));
            partStart = j + 1;
        }
        for (var k = 0; k + 2 < parts.Count; k++)
        {
            var header = parts[k];
            if (header.Length < 2 || !JoseHeader.IsJsonObject(text.AsSpan(header.Start, header.Length), out var encrypted))
                continue;
            // JWS: header.payload.signature; JWE: header.key.iv.ciphertext.tag (RFC 7516 §7.1).
            var (first, count) = encrypted && k + 4 < parts.Count ? (k + 1, 4) : (k + 2, 1);
            for (var p = first; p < first + count; p++)
            {
                if (parts[p].Length == 0)
                    continue;
                output ??= new StringBuilder(text.Length);
                output.Append(text, copied, parts[p].Start - copied).Append(Marker);
                copied = parts[p].Start + parts[p].Length;
            }
            k = first + count - 1;
        }
    }
}
