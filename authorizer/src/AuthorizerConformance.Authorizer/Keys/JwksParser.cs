using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Reads a JWKS document (RFC 7517) of public RSA and EC signing keys. Private key members, symmetric keys,
/// unsupported curves, RSA keys under 2048 bits and encryption keys are configuration errors: a JWKS names the
/// keys the authorizer trusts, so anything unexpected in it must stop the authorizer, not be skipped silently.
/// </summary>
public static class JwksParser
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    // The last documents that parsed, by their exact bytes, with their keys. A process that builds several authorizers
    // from one JWKS (the conformance harness builds one for every scenario) reads each key once: importing an EC key
    // validates its point, a scalar multiplication of ≈ 0.25 ms. Parsed keys are never changed afterwards and are shared
    // as IdentityModel shares a key between concurrent validations. A document that fails throws its error every time.
    private const int RememberedDocuments = 4;
    private static readonly Lock RememberedLock = new();
    private static readonly LinkedList<(byte[] Json, IReadOnlyList<ConfiguredKey> Keys)> Remembered = new();

    /// <summary>Parses <paramref name="json"/>; <paramref name="source"/> names where it came from in errors.</summary>
    public static IReadOnlyList<ConfiguredKey> Parse(ReadOnlySpan<byte> json, string source)
    {
        lock (RememberedLock)
        {
            for (var node = Remembered.First; node is not null; node = node.Next)
            {
                if (json.SequenceEqual(node.Value.Json))
                    return node.Value.Keys;
            }
        }
        var keys = ParseDocument(json, source);
        lock (RememberedLock)
        {
            Remembered.AddFirst((json.ToArray(), keys));
            if (Remembered.Count > RememberedDocuments)
                Remembered.RemoveLast();
        }
        return keys;
    }

    private static IReadOnlyList<ConfiguredKey> ParseDocument(ReadOnlySpan<byte> json, string source)
    {
        // Bytes that are not UTF-8 would throw from System.Text.Json when a string of them is read (the class of a fuzzing
        // find in the harness, issue 13): a configuration error like any other unreadable key document.
        if (!System.Text.Unicode.Utf8.IsValid(json))
            throw Error(source, "$", "is not UTF-8 text");
        if (JsonEscapes.HasUnpairedSurrogate(json))
            throw Error(source, "$", "holds an escaped UTF-16 surrogate without its pair (\\uD800–\\uDFFF), which is not text");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), Strict);
        }
        catch (JsonException e)
        {
            throw Error(source, "$", $"not valid JSON ({e.Message})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
                throw Error(source, "$.keys", "missing or not an array");
            var result = new List<ConfiguredKey>();
            var index = 0;
            foreach (var jwk in keys.EnumerateArray())
                result.Add(ParseKey(jwk, source, $"$.keys[{index++}]"));
            if (result.Count == 0)
                throw Error(source, "$.keys", "holds no key");
            return result.AsReadOnly();
        }
    }

    private static ConfiguredKey ParseKey(JsonElement jwk, string source, string path)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
            throw Error(source, path, "not an object");
        string? Str(string name) => jwk.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi", "k" })
        {
            if (jwk.TryGetProperty(secret, out _))
                throw Error(source, $"{path}.{secret}", "private or symmetric key material does not belong in a JWKS of verification keys");
        }
        if (Str("use") is { } use && use != "sig")
            throw Error(source, $"{path}.use", $"'{use}' is not 'sig'");
        var alg = Str("alg");
        if (alg is not null && !JwtAlgorithms.Supported.Contains(alg))
            throw Error(source, $"{path}.alg", $"'{alg}' is not a supported algorithm");
        SecurityKey key = Str("kty") switch
        {
            "RSA" => Rsa(Bytes(jwk, "n", source, path), Bytes(jwk, "e", source, path), source, path),
            "EC" => Ec(Str("crv"), Bytes(jwk, "x", source, path), Bytes(jwk, "y", source, path), source, path),
            var kty => throw Error(source, $"{path}.kty", $"'{kty}' is not RSA or EC"),
        };
        var kid = Str("kid");
        key.KeyId = kid;
        var algorithms = JwtAlgorithms.ForKey(key, alg);
        if (algorithms.Count == 0)
            throw Error(source, $"{path}.alg", $"'{alg}' does not fit the key type");
        return new ConfiguredKey(key, kid, algorithms);
    }

    private static RsaSecurityKey Rsa(byte[] n, byte[] e, string source, string path)
    {
        if (n.Length * 8 < 2048)
            throw Error(source, $"{path}.n", $"RSA modulus of {n.Length * 8} bits; at least 2048 are required");
        return new RsaSecurityKey(new RSAParameters { Modulus = n, Exponent = e });
    }

    private static ECDsaSecurityKey Ec(string? crv, byte[] x, byte[] y, string source, string path)
    {
        var curve = JwtAlgorithms.Curve(crv) ?? throw Error(source, $"{path}.crv", $"'{crv}' is not P-256 or P-384");
        try
        {
            return new ECDsaSecurityKey(ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = x, Y = y } }));
        }
        catch (CryptographicException)
        {
            throw Error(source, path, "the EC point is not on the curve");
        }
    }

    private static byte[] Bytes(JsonElement jwk, string name, string source, string path) =>
        jwk.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && StrictBase64Url.TryDecode(v.GetString()) is { Length: > 0 } bytes
            ? bytes
            : throw Error(source, $"{path}.{name}", "missing or not base64url");

    private static AuthorizerConfigurationException Error(string source, string path, string what) =>
        new($"Authorizer misconfigured: JWKS from {source} at {path}: {what}.");
}
