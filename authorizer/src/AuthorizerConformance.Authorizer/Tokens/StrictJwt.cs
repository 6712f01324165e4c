using System.Text.Unicode;
using System.Text.Json;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// A JWS compact token (RFC 7515) parsed strictly before any signature check: exactly three parts, canonical
/// base64url, UTF-8 that decodes without replacement, JSON objects without duplicate members at any depth
/// (RFC 7515 §5.2 / RFC 8725 §3.x: "last one wins" parsers disagree, so duplicates are refused).
/// </summary>
public sealed class StrictJwt : IDisposable
{
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    private readonly JsonDocument _header;
    private readonly JsonDocument _payload;

    private StrictJwt(string token, JsonDocument header, JsonDocument payload)
    {
        Token = token;
        _header = header;
        _payload = payload;
    }

    /// <summary>The token as received (after extraction).</summary>
    public string Token { get; }

    /// <summary>False for <c>header.payload.</c>: judged after the header, so <c>alg: none</c> is named as such.</summary>
    public bool HasSignature { get; private init; }

    /// <summary>The JOSE header object.</summary>
    public JsonElement Header => _header.RootElement;

    /// <summary>The claims object.</summary>
    public JsonElement Payload => _payload.RootElement;

    /// <summary>Parses <paramref name="token"/>; any defect is <see cref="UnauthorizedException"/> with a reason code.</summary>
    public static StrictJwt Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        // Spans over the token, not Split: no copy of the parts.
        var text = token.AsSpan();
        var dots = text.Count('.');
        if (dots != 2)
            throw new UnauthorizedException(dots == 4 ? "jwe-unsupported" : "token-malformed");
        var first = text.IndexOf('.');
        var second = first + 1 + text[(first + 1)..].IndexOf('.');
        var headerText = text[..first];
        var payloadText = text[(first + 1)..second];
        var signature = text[(second + 1)..];
        if (headerText.IsEmpty || payloadText.IsEmpty)
            throw new UnauthorizedException("token-malformed");
        if (!StrictBase64Url.IsCanonical(signature))
            throw new UnauthorizedException("base64url-invalid");
        var header = ParseObject(headerText, "header");
        try
        {
            return new StrictJwt(token, header, ParseObject(payloadText, "payload")) { HasSignature = !signature.IsEmpty };
        }
        catch
        {
            header.Dispose();
            throw;
        }
    }

    private static JsonDocument ParseObject(ReadOnlySpan<char> part, string what)
    {
        // The document reads these bytes for its whole life, so they are its own array.
        var bytes = new byte[StrictBase64Url.DecodedLength(part.Length)];
        if (!StrictBase64Url.TryDecode(part, bytes))
            throw new UnauthorizedException("base64url-invalid");
        // Well-formed UTF-8 only (no lone surrogates, no overlong forms): what a throwing UTF8Encoding accepts.
        if (!Utf8.IsValid(bytes))
            throw new UnauthorizedException($"{what}-utf8-invalid");
        // Nor lone surrogates written as JSON escapes ("\ud800"): valid JSON, but not text, and System.Text.Json throws
        // when it reads such a string, so a hostile token would otherwise become a function error instead of a 401.
        if (JsonEscapes.HasUnpairedSurrogate(bytes))
            throw new UnauthorizedException($"{what}-json-invalid");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, StrictJson);
        }
        catch (JsonException e)
        {
            // Duplicate members land here too: System.Text.Json refuses them with AllowDuplicateProperties = false.
            throw new UnauthorizedException($"{what}-json-invalid", e);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new UnauthorizedException($"{what}-not-object");
        }
        return document;
    }

    /// <summary>A header member as a string, null when absent; a non-string value is refused.</summary>
    public string? HeaderString(string name) =>
        !Header.TryGetProperty(name, out var v) ? null : StringOrRefuse(v, name);

    /// <summary>As <see cref="HeaderString(string)"/>, looked up by the UTF-8 name (no transcoding).</summary>
    internal string? HeaderString(ReadOnlySpan<byte> utf8Name, string name) =>
        !Header.TryGetProperty(utf8Name, out var v) ? null : StringOrRefuse(v, name);

    private static string? StringOrRefuse(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() : throw new UnauthorizedException($"header-{name}-not-string");

    public void Dispose()
    {
        _header.Dispose();
        _payload.Dispose();
    }
}
