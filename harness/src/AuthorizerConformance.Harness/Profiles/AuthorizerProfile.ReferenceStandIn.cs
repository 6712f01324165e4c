using AuthorizerConformance.Authorizer;

namespace AuthorizerConformance.Harness.Profiles;

public sealed partial record AuthorizerProfile
{
    /// <summary>
    /// The reference authorizer's settings (AUTH_*, authorizer/README.md) that hold it to this profile's contract: the
    /// algorithms, issuer, audience, required claims, principal claim, scope claim and scopeRoutes, and the token header;
    /// keyed with <paramref name="secret"/> and the JWKS file <paramref name="jwksFile"/>. A reproduction replays a
    /// scenario of another authorizer on it: what a conforming authorizer with the same contract does with the requests.
    /// </summary>
    public Dictionary<string, string> ReferenceStandInEnvironment(string secret, string jwksFile)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(jwksFile);
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { [EnvironmentVariables.Algorithms] = string.Join(',', Tokens.Algorithms) };
        if (Tokens.UsesSecret)
            env[EnvironmentVariables.TokenSalt] = secret;
        if (Tokens.Algorithms.Any(a => !a.StartsWith("HS", StringComparison.Ordinal)))
            env[EnvironmentVariables.JwksFile] = jwksFile;
        if (Tokens.Issuers.Count > 0)
            env[EnvironmentVariables.Issuer] = string.Join(',', Tokens.Issuers);
        if (Tokens.Audiences.Count > 0)
            env[EnvironmentVariables.Audience] = string.Join(',', Tokens.Audiences);
        if (Tokens.RequiredClaims.Count > 0)
            env[EnvironmentVariables.RequiredClaims] = string.Join(',', Tokens.RequiredClaims);
        env[EnvironmentVariables.PrincipalClaim] = PrincipalClaims[0];
        env[EnvironmentVariables.ScopeClaim] = Tokens.ScopeClaim;
        if (ScopeRoutes.Count > 0)
        {
            // The reference writes "every verb" as "*" (RouteSpec); a profile may write ANY.
            env[EnvironmentVariables.ScopeRoutes] = string.Join(';', ScopeRoutes.Select(s =>
                s.Key + "=" + string.Join(',', s.Value.Select(r => r.StartsWith("ANY ", StringComparison.Ordinal) ? "*" + r[3..] : r))));
        }
        if (TokenHeader is { } header && !header.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            env[EnvironmentVariables.TokenHeader] = header;
        return env;
    }
}
