using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// Keys generated when a test run starts: an HMAC secret (from a seeded generator, 64 characters so HS256 through
/// HS512 accept it), RSA-2048, EC P-256 and EC P-384 with kids. Nothing is committed; <see cref="JwksJson"/>
/// publishes the public halves for the authorizer under test.
/// </summary>
public sealed class TestKeyRing : IDisposable
{
    public TestKeyRing(int seed = 20240611)
    {
        var random = new Random(seed);
        var secret = new byte[48];
        random.NextBytes(secret);
        Secret = Base64Url.EncodeToString(secret);
        Hmac = SigningKey.Hmac(Secret);
        Rsa = SigningKey.GenerateRsa(2048, "rsa-1");
        Ec256 = SigningKey.ForEc(ECDsa.Create(ECCurve.NamedCurves.nistP256), "ec-256");
        Ec384 = SigningKey.ForEc(ECDsa.Create(ECCurve.NamedCurves.nistP384), "ec-384");
    }

    /// <summary>A ring of given keys (<see cref="RunKeys.FromFile"/>): the ring owns and disposes them.</summary>
    internal TestKeyRing(string secret, RSA rsa, ECDsa ec256, ECDsa ec384)
    {
        Secret = secret;
        Hmac = SigningKey.Hmac(secret);
        Rsa = SigningKey.ForRsa(rsa, "rsa-1");
        Ec256 = SigningKey.ForEc(ec256, "ec-256");
        Ec384 = SigningKey.ForEc(ec384, "ec-384");
    }

    /// <summary>
    /// A ring holding the user's own keys for a deployed authorizer: <paramref name="secret"/> signs HS tokens and
    /// <paramref name="privateKey"/> (RSA, EC P-256 or P-384) signs the tokens of its kind; the other slots get fresh keys
    /// the deployed authorizer does not trust (so tokens signed with them are the foreign keys they are for).
    /// </summary>
    public TestKeyRing(string? secret, SigningKey? privateKey) : this(System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue))
    {
        if (secret is not null)
        {
            Hmac.Dispose();
            Secret = secret;
            Hmac = SigningKey.Hmac(secret);
        }
        if (privateKey?.Rsa is not null)
        {
            Rsa.Dispose();
            Rsa = privateKey;
        }
        else if (privateKey?.Ec is { } ec)
        {
            if (ec.KeySize == 384)
            {
                Ec384.Dispose();
                Ec384 = privateKey;
            }
            else
            {
                Ec256.Dispose();
                Ec256 = privateKey;
            }
        }
    }

    /// <summary>The HMAC secret as the text that goes into <c>AUTH_TOKEN_SALT</c>.</summary>
    public string Secret { get; }

    public SigningKey Hmac { get; }
    public SigningKey Rsa { get; }
    public SigningKey Ec256 { get; }
    public SigningKey Ec384 { get; }

    /// <summary>The key that signs <paramref name="alg"/>.</summary>
    public SigningKey For(string alg) => alg[..2] switch
    {
        "HS" => Hmac,
        "RS" or "PS" => Rsa,
        "ES" when alg == "ES384" => Ec384,
        "ES" => Ec256,
        _ => throw new ArgumentException($"no key for {alg}", nameof(alg)),
    };

    /// <summary>A JWKS document with the public RSA and EC keys.</summary>
    public string JwksJson() => new JsonObject { ["keys"] = new JsonArray(Jwk(Rsa), Jwk(Ec256), Jwk(Ec384)) }.ToJsonString();

    /// <summary>The public JWK of an RSA or EC signing key.</summary>
    public static JsonObject Jwk(SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Rsa is { } rsa)
        {
            var p = rsa.ExportParameters(false);
            return new JsonObject { ["kty"] = "RSA", ["kid"] = key.Kid, ["use"] = "sig", ["n"] = Base64Url.EncodeToString(p.Modulus), ["e"] = Base64Url.EncodeToString(p.Exponent) };
        }
        if (key.Ec is { } ec)
        {
            var p = ec.ExportParameters(false);
            return new JsonObject
            {
                ["kty"] = "EC", ["kid"] = key.Kid, ["use"] = "sig", ["crv"] = ec.KeySize == 384 ? "P-384" : "P-256",
                ["x"] = Base64Url.EncodeToString(p.Q.X), ["y"] = Base64Url.EncodeToString(p.Q.Y),
            };
        }
        throw new ArgumentException("an HMAC secret has no public JWK", nameof(key));
    }

    public void Dispose()
    {
        Hmac.Dispose();
        Rsa.Dispose();
        Ec256.Dispose();
        Ec384.Dispose();
    }
}
