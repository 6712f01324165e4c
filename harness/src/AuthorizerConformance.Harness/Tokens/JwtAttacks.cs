namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// The JWT-attack registry (RFC 8725 and well-known library CVEs). Every variant must be refused with
/// <c>Unauthorized</c> by a correct authorizer. Names are case-sensitive (<c>alg-none</c> ≠ <c>alg-None</c>).
/// </summary>
public static partial class JwtAttacks
{
    public static IReadOnlyList<JwtAttackInfo> All { get; } =
    [
        new(JwtAttack.AlgNone, "alg-none", "header alg \"none\" and no signature"),
        new(JwtAttack.AlgNoneCapitalized, "alg-None", "header alg \"None\" and no signature (case variant)"),
        new(JwtAttack.AlgNoneUpper, "alg-NONE", "header alg \"NONE\" and no signature (case variant)"),
        new(JwtAttack.EmptySignature, "empty-signature", "a valid header and payload followed by an empty signature"),
        new(JwtAttack.SignatureStripped, "signature-stripped", "header.payload with the signature part removed entirely"),
        new(JwtAttack.Hs256WithRsPublicKey, "hs256-with-rs-public-key", "HS256 signed with the RSA public key (PEM) as the secret: key confusion"),
        new(JwtAttack.KidPathTraversal, "kid-path-traversal", "kid \"../../../../../../dev/null\", HS256 signed with an empty secret"),
        new(JwtAttack.KidSql, "kid-sql", "kid with SQL injection \"x' UNION SELECT 'secret' --\", HS256 signed with \"secret\""),
        new(JwtAttack.KidUnknown, "kid-unknown", "a kid that names no configured key, otherwise correctly signed"),
        new(JwtAttack.EmbeddedJwk, "embedded-jwk", "signed with the attacker's RSA key, whose public half is embedded in the header as jwk"),
        new(JwtAttack.JkuElsewhere, "jku-elsewhere", "jku points to the attacker's JWKS; signed with the attacker's key"),
        new(JwtAttack.X5uElsewhere, "x5u-elsewhere", "x5u points to the attacker's certificate; signed with the attacker's key"),
        new(JwtAttack.Expired, "expired", "exp one hour in the past"),
        new(JwtAttack.NotYetValid, "not-yet-valid", "nbf one hour in the future"),
        new(JwtAttack.IatFuture, "iat-future", "iat one hour in the future"),
        new(JwtAttack.WrongIssuer, "wrong-issuer", "iss of another issuer"),
        new(JwtAttack.WrongAudience, "wrong-audience", "aud of another API"),
        new(JwtAttack.AudienceArrayWithoutOurs, "audience-array-without-ours", "aud an array of two other audiences"),
        new(JwtAttack.TamperedPayload, "tampered-payload", "payload changed (sub=admin) after signing, original signature kept"),
        new(JwtAttack.PsychicSignature, "psychic-signature", "ES256 with r = s = 0 (CVE-2022-21449)"),
        new(JwtAttack.Truncated, "truncated", "a valid token with the second half of its signature cut off"),
        new(JwtAttack.NotBase64Url, "not-base64url", "payload in padded standard base64 (+ / =), correctly signed over that text"),
        new(JwtAttack.DuplicateClaims, "duplicate-claims", "payload with sub twice (\"user-123\", then \"admin\"), correctly signed"),
        new(JwtAttack.Oversized, "oversized", "a correctly signed token longer than 8,192 characters"),
        new(JwtAttack.InvalidUtf8, "invalid-utf8", "payload with an invalid UTF-8 byte sequence in a string, correctly signed"),
        new(JwtAttack.LoneSurrogate, "lone-surrogate", "payload with a claim holding half a UTF-16 surrogate pair as a JSON escape (\\ud800), correctly signed: valid JSON, not text"),
    ];

    /// <summary>The attack named <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    public static JwtAttackInfo? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>The registry entry of <paramref name="attack"/>.</summary>
    public static JwtAttackInfo Info(JwtAttack attack) => All.First(a => a.Attack == attack);

    /// <summary>
    /// Mints the hostile variant. <see cref="JwtAttack.Hs256WithRsPublicKey"/> needs an RSA key in
    /// <paramref name="input"/>; anything else a variant cannot do with the given key is an <see cref="ArgumentException"/>.
    /// </summary>
    public static string Mint(JwtAttack attack, AttackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return attack switch
        {
            JwtAttack.AlgNone => Unsigned(input, "none"),
            JwtAttack.AlgNoneCapitalized => Unsigned(input, "None"),
            JwtAttack.AlgNoneUpper => Unsigned(input, "NONE"),
            JwtAttack.EmptySignature => WithoutSignature(Valid(input)) + ".",
            JwtAttack.SignatureStripped => WithoutSignature(Valid(input)),
            JwtAttack.Hs256WithRsPublicKey => KeyConfusion(input),
            JwtAttack.KidPathTraversal => HmacWithKid(input, "../../../../../../dev/null", []),
            JwtAttack.KidSql => HmacWithKid(input, "x' UNION SELECT 'secret' --", "secret"u8.ToArray()),
            JwtAttack.KidUnknown => TokenFactory.Mint(input.Claims, input.Alg, input.Key, h => h["kid"] = "unknown-kid-7f3a"),
            JwtAttack.EmbeddedJwk => Foreign(input, (h, key) => h["jwk"] = TestKeyRing.Jwk(key)),
            JwtAttack.JkuElsewhere => Foreign(input, (h, _) => h["jku"] = "https://attacker.example/.well-known/jwks.json"),
            JwtAttack.X5uElsewhere => Foreign(input, (h, _) => h["x5u"] = "https://attacker.example/cert.pem"),
            JwtAttack.Expired => WithClaims(input, c => c.Set("iat", (input.Now - TimeSpan.FromHours(2)).ToUnixTimeSeconds()).Set("exp", (input.Now - TimeSpan.FromHours(1)).ToUnixTimeSeconds())),
            JwtAttack.NotYetValid => WithClaims(input, c => c.Set("nbf", (input.Now + TimeSpan.FromHours(1)).ToUnixTimeSeconds()).Set("exp", (input.Now + TimeSpan.FromHours(2)).ToUnixTimeSeconds())),
            JwtAttack.IatFuture => WithClaims(input, c => c.Set("iat", (input.Now + TimeSpan.FromHours(1)).ToUnixTimeSeconds()).Set("exp", (input.Now + TimeSpan.FromHours(2)).ToUnixTimeSeconds())),
            JwtAttack.WrongIssuer => WithClaims(input, c => c.Set("iss", "https://attacker.example/")),
            JwtAttack.WrongAudience => WithClaims(input, c => c.Set("aud", "someone-elses-api")),
            JwtAttack.AudienceArrayWithoutOurs => WithClaims(input, c => c.Set("aud", new System.Text.Json.Nodes.JsonArray("someone-elses-api", "another-api"))),
            JwtAttack.TamperedPayload => Tampered(input),
            JwtAttack.PsychicSignature => Psychic(input),
            JwtAttack.Truncated => Truncate(Valid(input)),
            JwtAttack.NotBase64Url => StandardBase64(input),
            JwtAttack.DuplicateClaims => RawPayload(input, json => json[..^1] + ",\"sub\":\"admin\"}"),
            JwtAttack.Oversized => WithClaims(input, c => c.Set("padding", new string('x', 9000))),
            JwtAttack.InvalidUtf8 => InvalidUtf8(input),
            JwtAttack.LoneSurrogate => RawPayload(input, json => json[..^1] + ",\"note\":\"x\\ud800\"}"),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, "unknown attack"),
        };
    }
}
