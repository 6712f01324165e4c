using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>
/// Every named attack of the token factory, derived from a token that is valid for HS256, RS256 and ES256 keys
/// alike, against the hardened configuration (secret + JWKS + issuer + audience). The control test proves the
/// untouched token passes, so each refusal is due to the one change the attack makes.
/// </summary>
public class JwtAttackTests
{
    private static readonly string[] BaseAlgorithms = ["HS256", "RS256", "ES256"];

    /// <summary>The reason(s) each attack must produce: refusal for the right reason, not by accident.</summary>
    private static readonly Dictionary<JwtAttack, string[]> Expected = new()
    {
        [JwtAttack.AlgNone] = ["alg-not-allowed"],
        [JwtAttack.AlgNoneCapitalized] = ["alg-not-allowed"],
        [JwtAttack.AlgNoneUpper] = ["alg-not-allowed"],
        [JwtAttack.EmptySignature] = ["signature-missing"],
        [JwtAttack.SignatureStripped] = ["token-malformed"],
        [JwtAttack.Hs256WithRsPublicKey] = ["no-key-for-alg"],
        [JwtAttack.KidPathTraversal] = ["kid-unknown"],
        [JwtAttack.KidSql] = ["kid-unknown"],
        [JwtAttack.KidUnknown] = ["kid-unknown"],
        [JwtAttack.EmbeddedJwk] = ["header-key-reference"],
        [JwtAttack.JkuElsewhere] = ["header-key-reference"],
        [JwtAttack.X5uElsewhere] = ["header-key-reference"],
        [JwtAttack.Expired] = ["jwt-expired"],
        [JwtAttack.NotYetValid] = ["jwt-not-yet-valid"],
        [JwtAttack.IatFuture] = ["iat-in-future"],
        [JwtAttack.WrongIssuer] = ["issuer-invalid"],
        [JwtAttack.WrongAudience] = ["audience-invalid"],
        [JwtAttack.AudienceArrayWithoutOurs] = ["audience-invalid"],
        [JwtAttack.TamperedPayload] = ["signature-invalid"],
        [JwtAttack.PsychicSignature] = ["signature-invalid"],
        [JwtAttack.Truncated] = ["base64url-invalid", "signature-invalid"],
        [JwtAttack.NotBase64Url] = ["base64url-invalid"],
        [JwtAttack.DuplicateClaims] = ["payload-json-invalid"],
        [JwtAttack.Oversized] = ["token-too-long"],
        [JwtAttack.InvalidUtf8] = ["payload-utf8-invalid"],
        [JwtAttack.LoneSurrogate] = ["payload-json-invalid"],
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var info in JwtAttacks.All)
        {
            foreach (var alg in BaseAlgorithms)
            {
                // Key confusion needs the RSA public key: it only exists where the valid token is RSA-signed.
                if (info.Attack == JwtAttack.Hs256WithRsPublicKey && alg != "RS256")
                    continue;
                data.Add(info.Name, alg);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_attack_is_unauthorized_for_its_own_reason(string attackName, string alg)
    {
        using var authorizer = TestAuthorizer.Hardened();
        var attack = JwtAttacks.Find(attackName)!;
        var token = JwtAttacks.Mint(attack.Attack, Input(alg));

        var outcome = await authorizer.TokenAsync(token);

        Assert.True(outcome.IsUnauthorized, $"{attackName} on {alg}: {outcome.ErrorType} {outcome.ErrorMessage}");
        Assert.Contains(outcome.Reason, Expected[attack.Attack]);
        Assert.DoesNotContain(token, authorizer.Log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("RS256")]
    [InlineData("ES256")]
    public async Task Control_the_token_the_attacks_start_from_is_allowed(string alg)
    {
        using var authorizer = TestAuthorizer.Hardened();
        var input = Input(alg);

        var outcome = await authorizer.TokenAsync(TokenFactory.Mint(input.Claims, input.Alg, input.Key));

        Assert.Equal("user-123", outcome.PrincipalId);
    }

    [Fact]
    public async Task Key_confusion_is_refused_even_without_kid_when_only_public_keys_are_configured()
    {
        using var authorizer = TestAuthorizer.Hardened();
        authorizer.Env.Remove(EnvironmentVariables.TokenSalt);
        var withoutKid = new AttackInput(ClaimsBuilder.Standard(SharedKeys.Now).Build(), "RS256", SigningKey.ForRsa(SharedKeys.Ring.Rsa.Rsa!), SharedKeys.Now);

        var outcome = await authorizer.TokenAsync(JwtAttacks.Mint(JwtAttack.Hs256WithRsPublicKey, withoutKid));

        Assert.True(outcome.IsUnauthorized);
        Assert.Equal("alg-not-allowed", outcome.Reason);
    }

    [Fact]
    public void The_registry_names_every_attack_once()
    {
        Assert.Equal(Enum.GetValues<JwtAttack>().Length, JwtAttacks.All.Count);
        Assert.Equal(JwtAttacks.All.Count, JwtAttacks.All.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Expected.Count, JwtAttacks.All.Count);
    }

    private static AttackInput Input(string alg) =>
        new(ClaimsBuilder.Standard(SharedKeys.Now).Build(), alg, SharedKeys.Ring.For(alg), SharedKeys.Now);
}
