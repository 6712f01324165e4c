using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Preconditions on the contract of the authorizer under test, read from its profile. A scenario about a promise the
/// profile does not make (an issuer check, an algorithm, a context claim) is skipped with the reason, never passed.
/// </summary>
[Binding]
public sealed class ProfileSteps(Stage stage)
{
    [Given("the authorizer under test reads the token from the Authorization header")]
    public static void ReadsAuthorization() =>
        Stage.Require(Stage.Profile.ReadsAuthorizationHeader, $"its identitySource is {string.Join(", ", Stage.Profile.IdentitySource)}, not the Authorization header.");

    [Given("the authorizer under test accepts {word} tokens")]
    public static void Accepts(string algorithm) =>
        Stage.Require(Stage.Profile.Tokens.Algorithms.Contains(algorithm), $"its tokens.alg ({string.Join(", ", Stage.Profile.Tokens.Algorithms)}) does not list {algorithm}.");

    [Given("the authorizer under test does not accept {word} tokens")]
    public static void DoesNotAccept(string algorithm) =>
        Stage.Require(!Stage.Profile.Tokens.Algorithms.Contains(algorithm), $"its tokens.alg lists {algorithm}.");

    [Given("the authorizer under test checks the {string} claim")]
    public static void Checks(string claim)
    {
        var tokens = Stage.Profile.Tokens;
        var checkedClaim = claim switch
        {
            "iss" => tokens.Issuers.Count > 0,
            "aud" => tokens.Audiences.Count > 0,
            _ => tokens.RequiredClaims.Contains(claim),
        };
        Stage.Require(checkedClaim, claim switch
        {
            "iss" => "it names no tokens.issuer, so the issuer is not part of its contract.",
            "aud" => "it names no tokens.audience, so the audience is not part of its contract.",
            _ => $"its tokens.requiredClaims does not list {claim}.",
        });
    }

    [Given("the authorizer under test puts the claim {string} in its context")]
    public static void PutsInContext(string claim) =>
        Stage.Require(Stage.Profile.Context.Promises(claim), $"its context ({Stage.Profile.Context}) does not promise the claim {claim}.");

    /// <summary>The first route of the profile's <c>scopeRoutes</c>; the reference authorizer is given one
    /// (<c>orders:write</c> → <c>POST /orders/*</c>) through its AUTH_SCOPE_ROUTES setting.</summary>
    [Given("a route the authorizer under test grants only with a scope")]
    public void ScopedRoute()
    {
        if (Stage.Profile.ScopeRoutes.Count == 0 && Stage.Target.Capabilities.Contains(TargetCapability.AuthorizerSettings))
        {
            stage.Session.AuthorizerEnvironment[EnvironmentVariables.ScopeRoutes] = "orders:write=POST /orders/*";
            _scoped = ("orders:write", "POST", "/orders/1");
            return;
        }
        Stage.Require(Stage.Profile.ScopeRoutes.Count > 0, "it names no scopeRoutes.");
        var (scope, routes) = Stage.Profile.ScopeRoutes.First();
        var space = routes[0].IndexOf(' ', StringComparison.Ordinal);
        var method = routes[0][..space] is "*" or "ANY" ? "GET" : routes[0][..space];
        _scoped = (scope, method, routes[0][(space + 1)..].Replace("*", "1", StringComparison.Ordinal).Replace("?", "x", StringComparison.Ordinal));
    }

    [Given("a valid token without that scope")]
    public void WithoutScope() => SetScopes(Scopes(stage.NewToken()).Where(s => s != Scoped.Scope));

    [Given("a valid token with that scope")]
    public void WithScope() => SetScopes(Scopes(stage.NewToken()).Append(Scoped.Scope).Distinct(StringComparer.Ordinal));

    /// <summary>
    /// The profile's <c>scopeRoutes</c> grant <paramref name="method"/> <paramref name="path"/> with <paramref name="scope"/>
    /// (the scenarios <c>authz scaffold --profile</c> writes); otherwise the scenario is skipped with the reason. The
    /// reference authorizer judged without scopeRoutes is given that one through its AUTH_SCOPE_ROUTES setting.
    /// </summary>
    [Given("the authorizer under test grants {method} {path} only with the scope {string}")]
    public void GrantsOnlyWithScope(HttpVerb method, RequestPath path, string scope)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (Stage.Profile.ScopeRoutes.Count == 0 && Stage.Target.Capabilities.Contains(TargetCapability.AuthorizerSettings))
        {
            stage.Session.AuthorizerEnvironment[EnvironmentVariables.ScopeRoutes] = $"{scope}={method.Name} {path.Value}";
            return;
        }
        Stage.Require(Stage.Profile.ScopesGranting(method.Name, path.Value).Contains(scope),
            $"its scopeRoutes do not grant {method.Name} {path.Value} with the scope {scope}.");
    }

    [Given("a valid token with the scope {string}")]
    public void ValidTokenWithScope(string scope) => SetScopes(Scopes(stage.NewToken()).Append(scope).Distinct(StringComparer.Ordinal));

    [Given("a valid token without the scope {string}")]
    public void ValidTokenWithoutScope(string scope)
    {
        stage.NewToken();
        WithoutTheScope(scope);
    }

    [Given("the token does not have the scope {string}")]
    public void WithoutTheScope(string scope) => SetScopes(Scopes(stage.EditToken()).Where(s => s != scope));

    [When("the client calls that route")]
    public Task CallsThatRoute() => stage.SendAsync(new ClientRequest
    {
        Method = Scoped.Method, Path = Scoped.Path, Headers = [new(stage.DefaultTokenHeader().Name, stage.DefaultTokenHeader().Value)],
    });

    private (string Scope, string Method, string Path)? _scoped;

    private (string Scope, string Method, string Path) Scoped =>
        _scoped ?? throw new InvalidOperationException("No scoped route yet: add 'Given a route the authorizer under test grants only with a scope'.");

    /// <summary>The scopes <paramref name="plan"/> carries (a new valid token: the profile's claims).</summary>
    private static List<string> Scopes(TokenPlan plan) =>
        plan.Claims[Stage.Profile.Tokens.ScopeClaim] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text)
            ? [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)]
            : [];

    private void SetScopes(IEnumerable<string> scopes)
    {
        var claims = stage.EditToken().Claims;
        var list = string.Join(' ', scopes);
        if (list.Length == 0)
            claims.Remove(Stage.Profile.Tokens.ScopeClaim);
        else
            claims[Stage.Profile.Tokens.ScopeClaim] = list;
    }

    /// <summary>Gives the token another principal: the profile's first principal claim set to <paramref name="principal"/>.</summary>
    [Given("the token's principal claim is {string}")]
    public void WithPrincipal(string principal) => stage.EditToken().Claims[Stage.Profile.PrincipalClaims[0]] = principal;

    [Given("the token has none of the principal claims")]
    public void WithoutPrincipal()
    {
        var plan = stage.EditToken();
        foreach (var claim in Stage.Profile.PrincipalClaims)
            plan.Claims.Remove(claim);
    }
}
