using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// Builds JWS compact tokens (RFC 7515) byte by byte, so hostile shapes (duplicate members, invalid UTF-8, foreign
/// encodings) can be produced as easily as valid ones. Tokens are built, never pasted (STYLE 13).
/// </summary>
public static class TokenFactory
{
    /// <summary>A JOSE header: <c>alg</c>, <c>typ</c> and <c>kid</c> when given.</summary>
    public static JsonObject Header(string alg, string? kid, string? typ = "JWT")
    {
        var header = new JsonObject { ["alg"] = alg };
        if (typ is not null)
            header["typ"] = typ;
        if (kid is not null)
            header["kid"] = kid;
        return header;
    }

    /// <summary>Signs <paramref name="claims"/> with <paramref name="key"/> using <paramref name="alg"/>.</summary>
    public static string Mint(JsonObject claims, string alg, SigningKey key, Action<JsonObject>? editHeader = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Algorithms.Contains(alg))
            throw new ArgumentException($"{alg} cannot be signed with this key; it signs {string.Join(", ", key.Algorithms)}", nameof(alg));
        var header = Header(alg, key.Kid);
        editHeader?.Invoke(header);
        return Sign(Encode(header.ToJsonString()), Encode(claims.ToJsonString()), alg, key);
    }

    /// <summary>Signs already-encoded parts: <c>header.payload.signature</c>.</summary>
    public static string Sign(string encodedHeader, string encodedPayload, string alg, SigningKey key)
    {
        var input = $"{encodedHeader}.{encodedPayload}";
        return $"{input}.{Base64Url.EncodeToString(JwsSigner.Sign(alg, Encoding.ASCII.GetBytes(input), key))}";
    }

    /// <summary>base64url without padding of UTF-8 text.</summary>
    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    /// <summary>base64url without padding of raw bytes.</summary>
    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
