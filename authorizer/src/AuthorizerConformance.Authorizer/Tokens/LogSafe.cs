using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// What the authorizer lets into a log line. <see cref="Token"/> renders a token as at most the first characters of its
/// header, then how many were withheld (<c>eyJhbGciOi…[redacted 412 chars]</c>); <see cref="Redact"/> redacts any
/// text by structure (every base64url <c>a.b.c</c> run whose first part decodes to a JSON object loses its signature)
/// and by value. A copy of the harness's <c>AuthorizerConformance.Gateway.Redaction</c>: the authorizer may not
/// reference the harness (architecture test), so the two are kept equal by one shared set of test vectors
/// (<c>harness/tests/AuthorizerConformance.Harness.Tests/redaction-vectors.json</c>).
/// </summary>
public static class LogSafe
{
    /// <summary>What replaces a signature (and a JWE's encrypted parts).</summary>
    public const string Marker = "REDACTED";

    private const int Shown = 10;

    /// <summary>The token for a log line: the first header characters and a count.</summary>
    public static string Token(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return "(none)";
        var headerEnd = token.IndexOf('.', StringComparison.Ordinal);
        var shown = Math.Min(Shown, headerEnd < 0 ? 0 : headerEnd);
        return $"{token[..shown]}…[redacted {token.Length - shown} chars]";
    }

    /// <summary>What replaces a known secret value.</summary>
    public const string ValueMarker = "[REDACTED]";

    /// <summary>Shorter values are not redacted by value (they would erase ordinary words); structure still applies.</summary>
    public const int MinimumSecretLength = 8;

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
            if (header.Length < 2 || !IsJoseHeader(text.AsSpan(header.Start, header.Length), out var encrypted))
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

    /// <summary>Headers longer than this are judged by their first decoded character alone (redacting more, never less).</summary>
    private const int MaxDecodedChars = 16 * 1024;

    private static bool IsJoseHeader(ReadOnlySpan<char> part, out bool encrypted)
    {
        encrypted = false;
        if (part.Length % 4 == 1)
            return false;
        var decoded = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(Math.Min(part.Length, MaxDecodedChars)));
        try
        {
            // A header too long to parse is judged by its start: a '{' there is enough to treat the run as a token.
            var window = part.Length > MaxDecodedChars ? part[..(MaxDecodedChars & ~3)] : part;
            if (Base64Url.DecodeFromChars(window, decoded, out _, out var written) != OperationStatus.Done)
                return false;
            var bytes = decoded.AsSpan(0, written);
            var first = bytes.IndexOfAnyExcept(" \t\r\n"u8);
            if (first < 0 || bytes[first] != (byte)'{')
                return false;
            if (window.Length < part.Length)
                return true;
            return Parse(bytes, out encrypted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    private static bool Parse(ReadOnlySpan<byte> json, out bool encrypted)
    {
        encrypted = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64, AllowTrailingCommas = false });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("enc"u8))
                    encrypted = true;
            }
            return reader.BytesConsumed == json.Length || json[(int)reader.BytesConsumed..].IndexOfAnyExcept(" \t\r\n"u8) < 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
