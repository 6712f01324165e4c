namespace AuthorizerConformance.Authorizer;

/// <summary>
/// The environment variables the authorizer reads, as in Lambda. <c>AUTH_TOKEN_SALT</c> alone (an HS256 secret)
/// is a complete configuration; every other variable is optional. authorizer/README.md documents each one.
/// </summary>
public static class EnvironmentVariables
{
    /// <summary>HS shared secret (UTF-8). At least 32 bytes for HS256, 48 for HS384, 64 for HS512.</summary>
    public const string TokenSalt = "AUTH_TOKEN_SALT";

    /// <summary>Path of a JWKS file of public RSA/EC keys.</summary>
    public const string JwksFile = "AUTH_JWKS_FILE";

    /// <summary>URL of a JWKS document of public keys, cached and refreshed.</summary>
    public const string JwksUrl = "AUTH_JWKS_URL";

    /// <summary>OIDC issuer whose <c>/.well-known/openid-configuration</c> names the JWKS and the issuer.</summary>
    public const string OidcIssuer = "AUTH_OIDC_ISSUER";

    /// <summary>Comma-separated accepted <c>iss</c> values.</summary>
    public const string Issuer = "AUTH_ISSUER";

    /// <summary>Comma-separated accepted <c>aud</c> values.</summary>
    public const string Audience = "AUTH_AUDIENCE";

    /// <summary>Comma-separated algorithm allow-list (HS256, HS384, HS512, RS256, PS256, ES256, ES384).</summary>
    public const string Algorithms = "AUTH_ALGORITHMS";

    /// <summary>Allowed clock skew in seconds for exp/nbf/iat, 0..300 (default 60).</summary>
    public const string ClockSkewSeconds = "AUTH_CLOCK_SKEW_SECONDS";

    /// <summary>Comma-separated claims that must be present and not null (e.g. <c>exp,sub</c>).</summary>
    public const string RequiredClaims = "AUTH_REQUIRED_CLAIMS";

    /// <summary>Required JOSE <c>typ</c> header value (e.g. <c>JWT</c> or <c>at+jwt</c>).</summary>
    public const string TokenType = "AUTH_TOKEN_TYPE";

    /// <summary>The claim that becomes principalId (default: <c>sub</c>, else <c>userId</c>).</summary>
    public const string PrincipalClaim = "AUTH_PRINCIPAL_CLAIM";

    /// <summary>The claim holding scopes (default: <c>scope</c>, else <c>scp</c>).</summary>
    public const string ScopeClaim = "AUTH_SCOPE_CLAIM";

    /// <summary><c>scope=ROUTE,ROUTE;scope=ROUTE</c>: the routes each scope allows.</summary>
    public const string ScopeRoutes = "AUTH_SCOPE_ROUTES";

    /// <summary><c>ROUTE,ROUTE</c>: routes always denied explicitly.</summary>
    public const string DenyRoutes = "AUTH_DENY_ROUTES";

    /// <summary>REQUEST/HTTP/WebSocket: the header carrying the token (default <c>Authorization</c>).</summary>
    public const string TokenHeader = "AUTH_TOKEN_HEADER";

    /// <summary>REQUEST/HTTP/WebSocket: the query-string parameter carrying the token.</summary>
    public const string TokenQuery = "AUTH_TOKEN_QUERY";

    /// <summary>Upper bound of the serialized context, in bytes (default 4096, at most 8192).</summary>
    public const string ContextMaxBytes = "AUTH_CONTEXT_MAX_BYTES";

    /// <summary><c>json</c> (default) or <c>drop</c>: what happens to array and object claims in the context.</summary>
    public const string ContextNested = "AUTH_CONTEXT_NESTED";

    /// <summary>Comma-separated claims copied into the context (default: all).</summary>
    public const string ContextClaims = "AUTH_CONTEXT_CLAIMS";

    /// <summary>How long fetched JWKS/discovery documents are used before a refetch, in seconds (default 600).</summary>
    public const string JwksCacheSeconds = "AUTH_JWKS_CACHE_SECONDS";

    /// <summary>Minimum seconds between refetches caused by an unknown <c>kid</c> (default 60).</summary>
    public const string JwksMinRefreshSeconds = "AUTH_JWKS_MIN_REFRESH_SECONDS";

    /// <summary>Every variable above, in a fixed order (used to notice a changed configuration).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TokenSalt, JwksFile, JwksUrl, OidcIssuer, Issuer, Audience, Algorithms, ClockSkewSeconds, RequiredClaims,
        TokenType, PrincipalClaim, ScopeClaim, ScopeRoutes, DenyRoutes, TokenHeader, TokenQuery, ContextMaxBytes,
        ContextNested, ContextClaims, JwksCacheSeconds, JwksMinRefreshSeconds,
    ];
}
