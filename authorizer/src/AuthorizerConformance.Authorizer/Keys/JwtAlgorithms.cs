using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace AuthorizerConformance.Authorizer;

/// <summary>The algorithms the authorizer can accept, and which key type each needs. <c>none</c> is never among them.</summary>
public static class JwtAlgorithms
{
    /// <summary>Every algorithm that may appear in <c>AUTH_ALGORITHMS</c>.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "ES384"];

    /// <summary>The default allow-list for public keys when <c>AUTH_ALGORITHMS</c> is unset.</summary>
    public static IReadOnlyList<string> DefaultPublicKey { get; } = ["RS256", "PS256", "ES256", "ES384"];

    public static bool IsHmac(string alg) => alg is "HS256" or "HS384" or "HS512";

    /// <summary>RFC 7518 §3.2: the key must be at least as long as the hash output.</summary>
    public static int MinimumHmacKeyBytes(string alg) => alg switch
    {
        "HS384" => 48,
        "HS512" => 64,
        _ => 32,
    };

    /// <summary>The algorithms a key of this type may verify; the JWK's own <c>alg</c>, if any, narrows them to one.</summary>
    public static IReadOnlySet<string> ForKey(SecurityKey key, string? jwkAlg)
    {
        ArgumentNullException.ThrowIfNull(key);
        IReadOnlyList<string> byType = key switch
        {
            SymmetricSecurityKey => ["HS256", "HS384", "HS512"],
            RsaSecurityKey => ["RS256", "PS256"],
            ECDsaSecurityKey ec when ec.ECDsa.KeySize == 256 => ["ES256"],
            ECDsaSecurityKey ec when ec.ECDsa.KeySize == 384 => ["ES384"],
            _ => [],
        };
        var set = new HashSet<string>(byType, StringComparer.Ordinal);
        if (jwkAlg is not null)
            set.IntersectWith([jwkAlg]);
        return set;
    }

    /// <summary>Builds an EC public key for a JWK <c>crv</c>; null for an unsupported curve.</summary>
    public static ECCurve? Curve(string? crv) => crv switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        _ => null,
    };
}
