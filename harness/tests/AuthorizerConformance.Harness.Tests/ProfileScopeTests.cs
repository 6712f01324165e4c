using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>
/// The scopes a profile's <c>scopeRoutes</c> grant a request with (what <c>authz scaffold --profile</c> and the step
/// "the authorizer under test grants … only with the scope …" read), and the reference authorizer's settings that hold
/// it to a profile's contract (what a reproduction of another authorizer replays on).
/// </summary>
public class ProfileScopeTests
{
    private static AuthorizerProfile Parse(string json) => AuthorizerProfileReader.Parse(json, "profile.json", "/profiles").OrThrow();

    private static readonly AuthorizerProfile Scoped = Parse("""
        {"function": "node:a.mjs", "tokens": {"secretEnv": "S"},
         "scopeRoutes": {"pets:read": ["GET /pets", "GET /pets/*"], "files": "* /files/*", "any": "ANY /carts/?",
                         "admin": "DELETE /pets/*", "exact": "GET /pets/1*2"}}
        """);

    [Theory]
    [InlineData("GET", "/pets", "pets:read")]
    [InlineData("GET", "/pets/1", "pets:read")]
    [InlineData("GET", "/pets/1/toys", "pets:read")] // IAM '*' spans slashes (POL-5)
    [InlineData("POST", "/pets", "")]
    [InlineData("get", "/pets", "pets:read")] // verbs are compared without case
    [InlineData("PUT", "/files/a/b", "files")]
    [InlineData("PATCH", "/carts/7", "any")]
    [InlineData("PATCH", "/carts/77", "")] // '?' is one character
    [InlineData("DELETE", "/pets/9", "admin")]
    [InlineData("GET", "/Pets", "")] // paths are compared with case, as IAM compares ARNs
    [InlineData("GET", "/pets/1x2", "pets:read,exact")]
    [InlineData("GET", "/pets/12", "pets:read,exact")] // '*' matches nothing too
    public void ScopesGranting_matches_verb_and_path_with_IAM_wildcards(string method, string path, string scopes)
    {
        Assert.Equal(scopes.Length == 0 ? [] : scopes.Split(','), Scoped.ScopesGranting(method, path));
    }

    [Fact]
    public void A_profile_without_scopeRoutes_grants_nothing_by_scope()
    {
        Assert.Empty(AuthorizerProfile.Reference.ScopesGranting("GET", "/pets"));
    }

    [Fact]
    public void The_reference_stand_in_carries_the_profiles_contract_and_the_given_keys()
    {
        var profile = Parse("""
            {"function": "node:a.mjs", "identitySource": "X-Token", "principalClaims": ["email", "sub"],
             "tokens": {"alg": ["HS384", "RS256"], "secretEnv": "JWT_SECRET", "jwksFileEnv": "KEYS", "issuer": ["https://a/", "https://b/"],
                        "audience": "orders", "requiredClaims": ["tenant"], "claims": {"tenant": "t"}, "scopeClaim": "scp"},
             "scopeRoutes": {"w": ["ANY /orders/*", "POST /x"], "r": "GET /orders"},
             "environment": {"LOG_LEVEL": "debug"}}
            """);

        var env = profile.ReferenceStandInEnvironment("placeholder-secret", "/tmp/keys.json");

        Assert.Equal(new Dictionary<string, string>
        {
            [EnvironmentVariables.Algorithms] = "HS384,RS256",
            [EnvironmentVariables.TokenSalt] = "placeholder-secret",
            [EnvironmentVariables.JwksFile] = "/tmp/keys.json",
            [EnvironmentVariables.Issuer] = "https://a/,https://b/",
            [EnvironmentVariables.Audience] = "orders",
            [EnvironmentVariables.RequiredClaims] = "tenant",
            [EnvironmentVariables.PrincipalClaim] = "email",
            [EnvironmentVariables.ScopeClaim] = "scp",
            [EnvironmentVariables.ScopeRoutes] = "w=* /orders/*,POST /x;r=GET /orders",
            [EnvironmentVariables.TokenHeader] = "X-Token",
        }, env);
        // The reference accepts these settings as they are.
        Assert.Equal(2, ScopeRoute.ParseList(env[EnvironmentVariables.ScopeRoutes]).Count);
    }

    [Fact]
    public void The_reference_stand_in_of_an_HS_only_profile_has_no_JWKS_and_no_token_header()
    {
        var env = Parse("""{"function": "node:a.mjs", "tokens": {"secretEnv": "S"}}""").ReferenceStandInEnvironment("p", "/k.json");

        Assert.Equal(["AUTH_ALGORITHMS", "AUTH_PRINCIPAL_CLAIM", "AUTH_SCOPE_CLAIM", "AUTH_TOKEN_SALT"], env.Keys.Order(StringComparer.Ordinal));
    }
}
