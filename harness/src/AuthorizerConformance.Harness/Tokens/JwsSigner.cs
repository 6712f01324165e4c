using System.Security.Cryptography;

namespace AuthorizerConformance.Harness.Tokens;

/// <summary>Computes JWS signatures (RFC 7518 §3) over a signing input, for every algorithm the factory mints.</summary>
public static class JwsSigner
{
    public static byte[] Sign(string alg, ReadOnlySpan<byte> signingInput, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(alg);
        ArgumentNullException.ThrowIfNull(key);
        return alg switch
        {
            "HS256" => HMACSHA256.HashData(Need(key.Secret, alg), signingInput),
            "HS384" => HMACSHA384.HashData(Need(key.Secret, alg), signingInput),
            "HS512" => HMACSHA512.HashData(Need(key.Secret, alg), signingInput),
            "RS256" => Need(key.Rsa, alg).SignData(signingInput.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => Need(key.Rsa, alg).SignData(signingInput.ToArray(), HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" => Need(key.Rsa, alg).SignData(signingInput.ToArray(), HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "PS256" => Need(key.Rsa, alg).SignData(signingInput.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            "PS384" => Need(key.Rsa, alg).SignData(signingInput.ToArray(), HashAlgorithmName.SHA384, RSASignaturePadding.Pss),
            "PS512" => Need(key.Rsa, alg).SignData(signingInput.ToArray(), HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
            // JWS ECDSA signatures are r || s (IEEE P1363), not DER.
            "ES256" => Need(key.Ec, alg).SignData(signingInput, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            "ES384" => Need(key.Ec, alg).SignData(signingInput, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            "ES512" => Need(key.Ec, alg).SignData(signingInput, HashAlgorithmName.SHA512, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            _ => throw new ArgumentException($"unsupported algorithm '{alg}'", nameof(alg)),
        };
    }

    /// <summary>Every algorithm <see cref="Sign"/> accepts.</summary>
    public static IReadOnlyList<string> Algorithms { get; } =
        ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    private static T Need<T>(T? value, string alg) where T : class =>
        value ?? throw new ArgumentException($"{alg} needs a {(alg.StartsWith("HS", StringComparison.Ordinal) ? "shared secret" : alg.StartsWith("ES", StringComparison.Ordinal) ? "EC private key" : "RSA private key")}");
}
