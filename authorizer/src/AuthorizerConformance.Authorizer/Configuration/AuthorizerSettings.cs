namespace AuthorizerConformance.Authorizer;

/// <summary>
/// The authorizer's configuration, read from environment variables as in Lambda (see
/// <see cref="EnvironmentVariables"/>). <c>AUTH_TOKEN_SALT</c> alone is a complete configuration. Every problem
/// is an <see cref="AuthorizerConfigurationException"/> naming the variable, never the secret.
/// </summary>
public sealed partial record AuthorizerSettings
{
    /// <summary>API Gateway caps a REST request's headers at 10 KB; a longer token is refused before parsing.</summary>
    public const int MaxTokenLength = 8192;

    /// <summary>HS256 needs a key of at least 256 bits (RFC 7518 §3.2); shorter secrets are refused as misconfiguration.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>The HS secret as UTF-8 bytes, or null. Never logged.</summary>
    public byte[]? Secret { get; init; }

    public string? JwksFile { get; init; }
    public Uri? JwksUrl { get; init; }
    public Uri? OidcIssuer { get; init; }

    /// <summary>Accepted issuers; empty means the issuer is not checked (unless OIDC discovery supplies one).</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>Accepted audiences; empty means the audience is not checked.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>The algorithm allow-list: explicit, or derived from the configured keys.</summary>
    public IReadOnlySet<string> Algorithms { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);
    public IReadOnlyList<string> RequiredClaims { get; init; } = [];
    public string? TokenType { get; init; }
    public string? PrincipalClaim { get; init; }
    public string? ScopeClaim { get; init; }
    public IReadOnlyList<ScopeRoute> ScopeRoutes { get; init; } = [];
    public IReadOnlyList<RouteSpec> DenyRoutes { get; init; } = [];
    public string? TokenHeader { get; init; }
    public string? TokenQuery { get; init; }
    public int ContextMaxBytes { get; init; } = 4096;
    public ContextNesting ContextNesting { get; init; } = ContextNesting.Json;
    public IReadOnlyList<string>? ContextClaims { get; init; }
    public TimeSpan JwksCacheDuration { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan JwksMinRefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>True when public keys come from a file, a URL or OIDC discovery.</summary>
    public bool HasPublicKeys => JwksFile is not null || JwksUrl is not null || OidcIssuer is not null;

    /// <summary>Reads and checks every variable.</summary>
    public static AuthorizerSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? Get(string name) => getVariable(name) is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v : null;

        var secret = Get(EnvironmentVariables.TokenSalt) is { } s ? SecretBytes(s) : null;
        var settings = new AuthorizerSettings
        {
            Secret = secret,
            JwksFile = Get(EnvironmentVariables.JwksFile)?.Trim(),
            JwksUrl = ParseUrl(Get(EnvironmentVariables.JwksUrl), EnvironmentVariables.JwksUrl),
            OidcIssuer = ParseUrl(Get(EnvironmentVariables.OidcIssuer), EnvironmentVariables.OidcIssuer),
            Issuers = SplitList(Get(EnvironmentVariables.Issuer)),
            Audiences = SplitList(Get(EnvironmentVariables.Audience)),
            ClockSkew = TimeSpan.FromSeconds(ParseInt(Get(EnvironmentVariables.ClockSkewSeconds), EnvironmentVariables.ClockSkewSeconds, 60, 0, 300)),
            RequiredClaims = SplitList(Get(EnvironmentVariables.RequiredClaims)),
            TokenType = Get(EnvironmentVariables.TokenType)?.Trim(),
            PrincipalClaim = Get(EnvironmentVariables.PrincipalClaim)?.Trim(),
            ScopeClaim = Get(EnvironmentVariables.ScopeClaim)?.Trim(),
            ScopeRoutes = ScopeRoute.ParseList(Get(EnvironmentVariables.ScopeRoutes)),
            DenyRoutes = SplitList(Get(EnvironmentVariables.DenyRoutes)).Select(r => RouteSpec.Parse(r, EnvironmentVariables.DenyRoutes)).ToList(),
            TokenHeader = Get(EnvironmentVariables.TokenHeader)?.Trim(),
            TokenQuery = Get(EnvironmentVariables.TokenQuery)?.Trim(),
            ContextMaxBytes = ParseInt(Get(EnvironmentVariables.ContextMaxBytes), EnvironmentVariables.ContextMaxBytes, 4096, 0, 8192),
            ContextNesting = ParseNesting(Get(EnvironmentVariables.ContextNested)),
            ContextClaims = Get(EnvironmentVariables.ContextClaims) is { } cc ? SplitList(cc) : null,
            JwksCacheDuration = TimeSpan.FromSeconds(ParseInt(Get(EnvironmentVariables.JwksCacheSeconds), EnvironmentVariables.JwksCacheSeconds, 600, 0, 86_400)),
            JwksMinRefreshInterval = TimeSpan.FromSeconds(ParseInt(Get(EnvironmentVariables.JwksMinRefreshSeconds), EnvironmentVariables.JwksMinRefreshSeconds, 60, 0, 86_400)),
        };
        if (secret is null && !settings.HasPublicKeys)
            throw new AuthorizerConfigurationException(
                $"Authorizer misconfigured: no key. Set {EnvironmentVariables.TokenSalt} (an HS256 secret) or one of {EnvironmentVariables.JwksFile}, {EnvironmentVariables.JwksUrl}, {EnvironmentVariables.OidcIssuer}.");
        return settings with { Algorithms = ResolveAlgorithms(Get(EnvironmentVariables.Algorithms), secret, settings.HasPublicKeys) };
    }

    private static byte[] SecretBytes(string text) => SecretText.TryGetBytes(text, out var bytes) ? bytes
        : throw new AuthorizerConfigurationException(
            $"Authorizer misconfigured: {EnvironmentVariables.TokenSalt} is not valid UTF-8 (a byte that is not UTF-8 arrives as U+FFFD); give the secret as UTF-8 text.");
}
