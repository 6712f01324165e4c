using System.Security.Cryptography;
using System.Text;

namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// A key the token factory signs with: an HMAC secret, an RSA or an EC private key, with an optional <c>kid</c>.
/// Created at run time (<see cref="TestKeyRing"/>) or read from a PEM file; never committed, never printed.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private SigningKey(byte[]? secret, RSA? rsa, ECDsa? ec, string? kid)
    {
        Secret = secret;
        Rsa = rsa;
        Ec = ec;
        Kid = kid;
    }

    public byte[]? Secret { get; }
    public RSA? Rsa { get; }
    public ECDsa? Ec { get; }
    public string? Kid { get; }

    public static SigningKey Hmac(string secret, string? kid = null) =>
        AuthorizerConformance.Authorizer.SecretText.TryGetBytes(secret, out var bytes) ? new(bytes, null, null, kid)
            : throw new ArgumentException("The secret is not valid UTF-8 text (it holds U+FFFD or a lone surrogate).", nameof(secret));

    public static SigningKey Hmac(byte[] secret, string? kid = null) => new((byte[])secret.Clone(), null, null, kid);

    public static SigningKey ForRsa(RSA rsa, string? kid = null) => new(null, rsa, null, kid);

    /// <summary>
    /// A new RSA key pair of <paramref name="bits"/>, generated now: <c>RSA.Create(bits)</c> alone only records the size,
    /// and the key is generated (≈ 0.1–0.5 s of CPU for RSA-2048) by whatever first uses it, e.g. the first signature.
    /// </summary>
    public static SigningKey GenerateRsa(int bits, string? kid = null)
    {
        var rsa = RSA.Create(bits);
        _ = rsa.ExportRSAPublicKey(); // generates the pair
        return ForRsa(rsa, kid);
    }

    public static SigningKey ForEc(ECDsa ec, string? kid = null) => new(null, null, ec, kid);

    /// <summary>Reads a PEM private key (PKCS#1, SEC1 or PKCS#8; RSA or EC). Errors never quote the file's contents.</summary>
    public static SigningKey FromPem(string pem, string? kid = null)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal))
            return ForEc(ImportEc(pem), kid);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            if (rsa.ExportParameters(includePrivateParameters: true).D is null)
                throw new ArgumentException("the PEM holds no RSA private key");
            return ForRsa(rsa, kid);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            return ForEc(ImportEc(pem), kid);
        }
    }

    private static ECDsa ImportEc(string pem)
    {
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            _ = ec.ExportParameters(includePrivateParameters: true);
            return ec;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            throw new ArgumentException("the key is not a PEM RSA or EC private key", nameof(pem), e);
        }
    }

    /// <summary>The algorithms this key can sign.</summary>
    public IReadOnlyList<string> Algorithms =>
        Secret is not null ? ["HS256", "HS384", "HS512"]
        : Rsa is not null ? ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]
        : Ec!.KeySize == 384 ? ["ES384"] : Ec.KeySize == 521 ? ["ES512"] : ["ES256"];

    public void Dispose()
    {
        Rsa?.Dispose();
        Ec?.Dispose();
    }
}
