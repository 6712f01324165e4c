using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>Each attack has the shape its name promises (the authorizer tests check that it is refused).</summary>
public class JwtAttackShapeTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TestKeyRing Ring = new();

    private static string Mint(JwtAttack attack, string alg = "RS256") =>
        JwtAttacks.Mint(attack, new AttackInput(ClaimsBuilder.Standard(Now).Build(), alg, Ring.For(alg), Now));

    private static JsonObject Header(string token) => JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[0]))!.AsObject();

    private static string PayloadText(string token) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1]));

    [Theory]
    [InlineData(JwtAttack.AlgNone, "none")]
    [InlineData(JwtAttack.AlgNoneCapitalized, "None")]
    [InlineData(JwtAttack.AlgNoneUpper, "NONE")]
    public void Alg_none_variants_have_their_casing_and_no_signature(JwtAttack attack, string alg)
    {
        var token = Mint(attack);

        Assert.Equal(alg, (string?)Header(token)["alg"]);
        Assert.Equal("", token.Split('.')[2]);
    }

    [Fact]
    public void Signature_variants_remove_or_cut_the_signature()
    {
        Assert.EndsWith(".", Mint(JwtAttack.EmptySignature), StringComparison.Ordinal);
        Assert.Equal(2, Mint(JwtAttack.SignatureStripped).Split('.').Length);
        Assert.True(Mint(JwtAttack.Truncated).Split('.')[2].Length < Mint(JwtAttack.KidUnknown).Split('.')[2].Length);
        Assert.Equal(new string('A', 86), Mint(JwtAttack.PsychicSignature).Split('.')[2]);
    }

    [Fact]
    public void Header_attacks_carry_their_hostile_members()
    {
        Assert.True(Header(Mint(JwtAttack.EmbeddedJwk)).ContainsKey("jwk"));
        Assert.StartsWith("https://attacker.example/", (string?)Header(Mint(JwtAttack.JkuElsewhere))["jku"], StringComparison.Ordinal);
        Assert.StartsWith("https://attacker.example/", (string?)Header(Mint(JwtAttack.X5uElsewhere))["x5u"], StringComparison.Ordinal);
        Assert.Contains("../", (string?)Header(Mint(JwtAttack.KidPathTraversal))["kid"], StringComparison.Ordinal);
        Assert.Contains("UNION SELECT", (string?)Header(Mint(JwtAttack.KidSql))["kid"], StringComparison.Ordinal);
        Assert.Equal("HS256", (string?)Header(Mint(JwtAttack.Hs256WithRsPublicKey))["alg"]);
    }

    [Fact]
    public void Key_confusion_needs_an_RSA_key()
    {
        var e = Assert.Throws<ArgumentException>(() => Mint(JwtAttack.Hs256WithRsPublicKey, "HS256"));

        Assert.Contains("needs an RSA key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_attacks_have_their_raw_defect()
    {
        Assert.Equal(2, PayloadText(Mint(JwtAttack.DuplicateClaims)).Split("\"sub\"").Length - 1);
        Assert.Contains('=', Mint(JwtAttack.NotBase64Url).Split('.')[1]);
        Assert.True(Mint(JwtAttack.Oversized).Length > 8192);
        var bytes = Base64Url.DecodeFromChars(Mint(JwtAttack.InvalidUtf8).Split('.')[1]);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        Assert.Contains("\"sub\":\"admin\"", PayloadText(Mint(JwtAttack.TamperedPayload)), StringComparison.Ordinal);
        var lone = PayloadText(Mint(JwtAttack.LoneSurrogate));
        Assert.EndsWith(",\"note\":\"x\\ud800\"}", lone, StringComparison.Ordinal);
        using (var document = System.Text.Json.JsonDocument.Parse(lone))
            Assert.Throws<InvalidOperationException>(() => document.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public void Claim_attacks_move_exactly_the_claim_they_name()
    {
        JsonObject Claims(JwtAttack a) => JsonNode.Parse(PayloadText(Mint(a)))!.AsObject();

        Assert.True((long)Claims(JwtAttack.Expired)["exp"]! < Now.ToUnixTimeSeconds());
        Assert.True((long)Claims(JwtAttack.NotYetValid)["nbf"]! > Now.ToUnixTimeSeconds());
        Assert.True((long)Claims(JwtAttack.IatFuture)["iat"]! > Now.ToUnixTimeSeconds());
        Assert.Equal("https://attacker.example/", (string?)Claims(JwtAttack.WrongIssuer)["iss"]);
        Assert.Equal("someone-elses-api", (string?)Claims(JwtAttack.WrongAudience)["aud"]);
        Assert.Equal(2, Claims(JwtAttack.AudienceArrayWithoutOurs)["aud"]!.AsArray().Count);
    }

    [Fact]
    public void Names_are_kebab_case_and_found_case_sensitively()
    {
        Assert.All(JwtAttacks.All, a => Assert.Matches("^[a-z0-9]+(-[a-zA-Z0-9]+)*$", a.Name));
        Assert.Equal(JwtAttack.AlgNoneCapitalized, JwtAttacks.Find("alg-None")!.Attack);
        Assert.Null(JwtAttacks.Find("ALG-NONE"));
    }
}
