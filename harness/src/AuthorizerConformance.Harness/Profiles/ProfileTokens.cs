namespace AuthorizerConformance.Harness.Profiles;

/// <summary>
/// The profile's <c>tokens</c>: how tokens for the authorizer are signed and what they must carry.
/// </summary>
/// <param name="Algorithms"><c>alg</c>: the algorithms the authorizer accepts (a string or a list); tokens are signed with the first.</param>
/// <param name="SecretEnv"><c>secretEnv</c>: the variable the harness puts the run's HS secret in.</param>
/// <param name="JwksEnv"><c>jwksEnv</c>: the variable the harness puts the run's public JWKS (JSON text) in.</param>
/// <param name="JwksFileEnv"><c>jwksFileEnv</c>: the variable the harness puts the path of a file holding that JWKS in.</param>
/// <param name="Issuers"><c>issuer</c>: the accepted <c>iss</c> values (valid tokens carry the first); empty: not checked.</param>
/// <param name="Audiences"><c>audience</c>: the accepted <c>aud</c> values (valid tokens carry the first); empty: not checked.</param>
/// <param name="RequiredClaims"><c>requiredClaims</c>: claims a token must carry; valid tokens carry them (values from <paramref name="Claims"/>).</param>
/// <param name="Claims"><c>claims</c>: further claims every valid token carries (JSON text of an object), e.g. <c>{"token_use": "access"}</c>.</param>
/// <param name="ScopeClaim"><c>scopeClaim</c>: the claim holding the token's scopes, space-separated (default <c>scope</c>).</param>
/// <param name="Secret"><c>secret</c> (deployed authorizers only): <c>env:NAME</c>, the variable holding the HS secret the
/// deployed authorizer verifies with; the harness signs with it and never writes it anywhere.</param>
/// <param name="PrivateKey"><c>privateKey</c> (deployed authorizers only): <c>env:NAME</c>, the variable holding a PEM
/// RSA or EC private key whose public half the deployed authorizer trusts (RS/PS/ES tokens are signed with it).</param>
/// <param name="Kid"><c>kid</c> (deployed authorizers only): the <c>kid</c> header of tokens signed with <paramref name="PrivateKey"/>.</param>
public sealed record ProfileTokens(
    IReadOnlyList<string> Algorithms,
    string? SecretEnv,
    string? JwksEnv,
    string? JwksFileEnv,
    IReadOnlyList<string> Issuers,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> RequiredClaims,
    string Claims,
    string ScopeClaim = "scope",
    string? Secret = null,
    string? PrivateKey = null,
    string? Kid = null)
{
    /// <summary>The prefix of <see cref="Secret"/> and <see cref="PrivateKey"/>: the value names an environment variable.</summary>
    public const string EnvPrefix = "env:";

    /// <summary>The algorithms the harness can sign and a profile may list.</summary>
    public static IReadOnlyList<string> KnownAlgorithms { get; } = ["HS256", "HS384", "HS512", "RS256", "PS256", "ES256", "ES384"];

    /// <summary>Whether the authorizer verifies HS tokens (so it needs the secret).</summary>
    public bool UsesSecret => Algorithms.Any(a => a.StartsWith("HS", StringComparison.Ordinal));

    /// <summary>Whether the authorizer verifies RS/PS/ES tokens (so it needs the public keys).</summary>
    public bool UsesPublicKeys => Algorithms.Any(a => !a.StartsWith("HS", StringComparison.Ordinal));
}
