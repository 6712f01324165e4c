using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AuthorizerConformance.Aws.Fakes;

/// <summary>
/// Checks an AWS Signature Version 4 <c>Authorization</c> header, written from the SigV4 specification independently
/// of AWSSDK.Core's signer (so the client is checked by a second implementation; the published <c>get-vanilla</c> and
/// <c>post-vanilla</c> vectors check this one). Non-S3 rules: every path segment is encoded again, the query is
/// sorted and encoded, header values are trimmed with inner spaces collapsed, the payload hash must match the body.
/// </summary>
public static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Why a request is refused (AWS's error type and message), or null when its signature verifies.</summary>
    /// <param name="method">HTTP verb.</param>
    /// <param name="rawPath">The path as sent (still percent-encoded).</param>
    /// <param name="rawQuery">The query as sent, without <c>?</c>.</param>
    /// <param name="headers">Header names (any case) to values.</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="credentials">The only credentials accepted.</param>
    /// <param name="region">The region the scope must name.</param>
    /// <param name="service">The service the scope must name.</param>
    /// <param name="now">The verifier's clock (a signature older or newer than 5 minutes is refused).</param>
    public static (string Type, string Message)? Verify(string method, string rawPath, string rawQuery, IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body, FakeCredentials credentials, string region, string service, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(credentials);
        var h = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (!h.TryGetValue("authorization", out var authorization) || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            return ("MissingAuthenticationTokenException", "Missing Authentication Token");
        var parts = authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaderList)
            || !parts.TryGetValue("Signature", out var signature))
            return ("IncompleteSignatureException", "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'.");
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
            return ("IncompleteSignatureException", "Credential should be scoped to a valid region and service.");
        if (scope[0] != credentials.AccessKeyId)
            return ("UnrecognizedClientException", "The security token included in the request is invalid.");
        if (scope[2] != region || scope[3] != service)
            return ("InvalidSignatureException", $"Credential should be scoped to a valid region and service: expected {region}/{service}.");
        if (!h.TryGetValue("x-amz-date", out var amzDate)
            || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
            return ("IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (scope[1] != amzDate[..8])
            return ("InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        if ((now - signedAt).Duration() > TimeSpan.FromMinutes(5))
            return ("InvalidSignatureException", $"Signature expired: {amzDate} is now earlier than {now.AddMinutes(-5):yyyyMMdd'T'HHmmss'Z'}.");
        var signed = signedHeaderList.Split(';');
        if (!signed.Contains("host") || signed.Any(n => n != n.ToLowerInvariant()) || !signed.SequenceEqual(signed.Order(StringComparer.Ordinal)))
            return ("IncompleteSignatureException", "SignedHeaders must be lower case, sorted and include host.");
        if (credentials.SessionToken is not null)
        {
            if (!h.TryGetValue("x-amz-security-token", out var token) || token != credentials.SessionToken)
                return ("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        var bodyHash = Hex(SHA256.HashData(body));
        if (h.TryGetValue("x-amz-content-sha256", out var claimed) && claimed != bodyHash)
            return ("InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match what was computed.");
        var missing = signed.FirstOrDefault(n => !h.ContainsKey(n));
        if (missing is not null)
            return ("InvalidSignatureException", $"Signed header '{missing}' is not in the request.");
        var canonical = CanonicalRequest(method, rawPath, rawQuery, signed, h, claimed ?? bodyHash);
        var expected = Signature(credentials.SecretAccessKey, amzDate, region, service, canonical);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
            ? null
            : ("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    /// <summary>The canonical request of SigV4 (task 1).</summary>
    public static string CanonicalRequest(string method, string rawPath, string rawQuery, IReadOnlyList<string> signedHeaders,
        IReadOnlyDictionary<string, string> headers, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(signedHeaders);
        ArgumentNullException.ThrowIfNull(headers);
        var path = string.IsNullOrEmpty(rawPath) ? "/" : string.Join('/', rawPath.Split('/').Select(s => Encode(s)));
        var query = string.Join('&', (rawQuery ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var canonicalHeaders = string.Concat(signedHeaders.Select(n => $"{n}:{Collapse(headers[n])}\n"));
        return $"{method}\n{path}\n{query}\n{canonicalHeaders}\n{string.Join(';', signedHeaders)}\n{payloadHash}";
    }

    /// <summary>The signature (tasks 2–4) of <paramref name="canonicalRequest"/> signed at <paramref name="amzDate"/>.</summary>
    public static string Signature(string secretAccessKey, string amzDate, string region, string service, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(amzDate);
        var date = amzDate[..8];
        var stringToSign = $"{Algorithm}\n{amzDate}\n{date}/{region}/{service}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Collapse(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>RFC 3986 encoding: everything but unreserved characters as upper-case %XX of UTF-8.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
