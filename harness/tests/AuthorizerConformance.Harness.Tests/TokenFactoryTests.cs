using AuthorizerConformance.Gateway;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

public class TokenFactoryTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TestKeyRing Ring = new();

    private static string[] Parts(string token) => token.Split('.');

    private static JsonObject Decode(string part) => JsonNode.Parse(Base64Url.DecodeFromChars(part))!.AsObject();

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS512")]
    [InlineData("RS256")]
    [InlineData("PS256")]
    [InlineData("ES256")]
    [InlineData("ES384")]
    public void Minted_tokens_verify_with_the_public_half_of_the_key(string alg)
    {
        var token = TokenFactory.Mint(ClaimsBuilder.Standard(Now).Build(), alg, Ring.For(alg));
        var p = Parts(token);
        var input = Encoding.ASCII.GetBytes($"{p[0]}.{p[1]}");
        var signature = Base64Url.DecodeFromChars(p[2]);

        var key = Ring.For(alg);
        var verified = alg[..2] switch
        {
            "HS" => signature.SequenceEqual(JwsSigner.Sign(alg, input, key)),
            "RS" => key.Rsa!.VerifyData(input, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "PS" => key.Rsa!.VerifyData(input, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => key.Ec!.VerifyData(input, signature, alg == "ES384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        };
        Assert.True(verified);
        Assert.Equal(alg, (string?)Decode(p[0])["alg"]);
        Assert.Equal(key.Kid, (string?)Decode(p[0])["kid"]);
    }

    [Fact]
    public void Standard_claims_come_from_the_named_defaults()
    {
        var claims = ClaimsBuilder.Standard(Now).Build();

        Assert.Equal("user-123", (string?)claims["sub"]);
        Assert.Equal(TokenDefaults.Standard.Issuer, (string?)claims["iss"]);
        Assert.Equal(TokenDefaults.Standard.Audience, (string?)claims["aud"]);
        Assert.Equal(Now.ToUnixTimeSeconds(), (long)claims["iat"]!);
        Assert.Equal(Now.AddMinutes(5).ToUnixTimeSeconds(), (long)claims["exp"]!);
    }

    [Fact]
    public void A_key_cannot_sign_an_algorithm_of_another_key_type()
    {
        var e = Assert.Throws<ArgumentException>(() => TokenFactory.Mint([], "RS256", Ring.Hmac));

        Assert.Contains("RS256 cannot be signed with this key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HMAC_secret_is_seeded_and_long_enough_for_HS512()
    {
        using var again = new TestKeyRing();

        Assert.Equal(Ring.Secret, again.Secret);
        Assert.True(Encoding.UTF8.GetByteCount(Ring.Secret) >= 64);
    }

    [Fact]
    public void The_JWKS_holds_only_public_key_members()
    {
        var jwks = JsonNode.Parse(Ring.JwksJson())!["keys"]!.AsArray();

        Assert.Equal(["rsa-1", "ec-256", "ec-384"], jwks.Select(k => (string?)k!["kid"]));
        Assert.All(jwks, k => Assert.False(k!.AsObject().ContainsKey("d")));
    }

    [Fact]
    public void Redaction_keeps_only_the_header_prefix()
    {
        var token = TokenFactory.Mint(ClaimsBuilder.Standard(Now).Build(), "HS256", Ring.Hmac);

        Assert.Equal($"{token[..10]}…[redacted {token.Length - 10} chars]", Redaction.Jwt(token));
        Assert.Equal($"token: {token[..token.LastIndexOf('.')]}.{Redaction.Marker}.", Redaction.Redact($"token: {token}.", [token]));
        Assert.Equal("(none)", Redaction.Jwt(""));
    }
}
