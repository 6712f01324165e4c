namespace AuthorizerConformance.Harness.Tokens;

/// <summary>A hostile token variant; <see cref="JwtAttacks.All"/> gives each its kebab-case name and description.</summary>
public enum JwtAttack
{
    AlgNone,
    AlgNoneCapitalized,
    AlgNoneUpper,
    EmptySignature,
    SignatureStripped,
    Hs256WithRsPublicKey,
    KidPathTraversal,
    KidSql,
    KidUnknown,
    EmbeddedJwk,
    JkuElsewhere,
    X5uElsewhere,
    Expired,
    NotYetValid,
    IatFuture,
    WrongIssuer,
    WrongAudience,
    AudienceArrayWithoutOurs,
    TamperedPayload,
    PsychicSignature,
    Truncated,
    NotBase64Url,
    DuplicateClaims,
    Oversized,
    InvalidUtf8,
    LoneSurrogate,
}
