using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Profiles;

/// <summary>
/// One JSON file that describes the authorizer under test: the function to run and the contract the features judge
/// it by (type, identity source, tokens, principal claims, context, Bearer scheme, environment). Read it with
/// <see cref="Load"/>; the built-in reference authorizer has its own profile, <see cref="Reference"/>, the default.
/// The keys are documented in docs/profiles.md.
/// </summary>
public sealed partial record AuthorizerProfile
{
    /// <summary>The environment variable that names the profile file (a path relative to the current directory).</summary>
    public const string EnvironmentVariable = "AUTHZ_PROFILE";

    /// <summary>The function string of the built-in reference authorizer.</summary>
    public const string ReferenceFunction = "reference";

    /// <summary><c>name</c>: how reports name it (default: the file name without extension).</summary>
    public required string Name { get; init; }

    /// <summary><c>function</c>: <c>node:…</c>, <c>python:…</c>, <c>command:…</c>, <c>dotnet:…</c> or <c>reference</c>.</summary>
    public required string Function { get; init; }

    /// <summary>The folder relative paths in <see cref="Function"/> resolve against: the profile file's folder.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The profile file (null for the built-in profile).</summary>
    public string? SourceFile { get; init; }

    /// <summary><c>type</c>: the <see cref="AuthorizerProfileType"/> values it serves (a string, or a list for a function
    /// that serves several, like the reference authorizer). The first decides the default authorizer of a REST API.</summary>
    public IReadOnlyList<string> Types { get; init; } = [AuthorizerProfileType.Token];

    /// <summary><c>identitySource</c>: header names the token is read from (the first carries it), or full identity
    /// source expressions (<c>method.request.querystring.token</c>).</summary>
    public IReadOnlyList<string> IdentitySource { get; init; } = ["Authorization"];

    /// <summary><c>tokens</c>.</summary>
    public ProfileTokens Tokens { get; init; } = new(["HS256"], null, null, null, [], [], [], "{}");

    /// <summary><c>principalClaims</c>: the first present claim is the expected principalId; a token with none is refused.</summary>
    public IReadOnlyList<string> PrincipalClaims { get; init; } = ["sub"];

    /// <summary><c>context</c>.</summary>
    public ProfileContext Context { get; init; } = ProfileContext.None;

    /// <summary><c>bearer</c>: clients send <c>Authorization: Bearer &lt;token&gt;</c> (true, the default) or the raw token.</summary>
    public bool Bearer { get; init; } = true;

    /// <summary><c>environment</c>: the function's own variables (never secrets: the harness adds those).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>scopeRoutes</c>: scope → the routes (<c>VERB /path</c>, IAM wildcards allowed) a valid token reaches only
    /// with that scope in its <c>tokens.scopeClaim</c>; without it the authorizer must deny (403), not refuse (401).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ScopeRoutes { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary><c>timeoutSeconds</c>: the function's configured timeout (Lambda's), default 10.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>poolSize</c>: warm execution environments that may run at once, default 2.</summary>
    public int PoolSize { get; init; } = 2;

    /// <summary><c>region</c> (<c>test-invoke:</c> only): the AWS region of the REST API; absent: the SDK's chain
    /// (<c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the AWS profile's region).</summary>
    public string? Region { get; init; }

    /// <summary><c>stage</c> (<c>test-invoke:</c> only): the deployed stage whose stage variables each test invoke carries
    /// (GetStage); absent: none.</summary>
    public string? StageName { get; init; }

    /// <summary>The deployed authorizer's identity validation expression, as discovered (GetAuthorizer); null when it has
    /// none or the authorizer is not a deployed one. The scenarios' default authorizer gets it.</summary>
    public string? ValidationExpression { get; init; }

    /// <summary>The deployed authorizer's result TTL in seconds, as discovered (GetAuthorizer); null when not deployed.
    /// The scenarios' default authorizer gets it.</summary>
    public int? ResultTtlInSeconds { get; init; }

    /// <summary>Keys registered by extensions (<see cref="AuthorizerProfileReader.RegisterKey"/>), as JSON text.</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether the function is a deployed authorizer (<c>test-invoke:</c>, <c>stage:</c>): the harness cannot
    /// start it or hand it keys; its tokens are signed with the user's <c>tokens.secret</c> / <c>tokens.privateKey</c>.</summary>
    public bool IsDeployed => Targets.ProfileFunctionKinds.IsDeployed(Function);

    /// <summary>Whether the function is the built-in reference authorizer.</summary>
    public bool IsReference => Function == ReferenceFunction;

    /// <summary>Whether the token travels in the <c>Authorization</c> header.</summary>
    public bool ReadsAuthorizationHeader => string.Equals(TokenHeader, "Authorization", StringComparison.OrdinalIgnoreCase);

    /// <summary>The header the token travels in (the first identity source that is a header), or null.</summary>
    public string? TokenHeader => IdentitySource.Select(HeaderName).FirstOrDefault(h => h is not null);

    /// <summary>Reads the profile at <paramref name="path"/> (relative to the current directory).</summary>
    public static ProfileLoadResult Load(string path) => AuthorizerProfileReader.Load(path);

    /// <summary>
    /// The built-in reference authorizer's profile: every type, HS256 with the run's secret in AUTH_TOKEN_SALT and
    /// RS256/PS256/ES256/ES384 with the run's JWKS in AUTH_JWKS_FILE, the standard issuer and audience, principal from
    /// sub else userId, every primitive claim in the context.
    /// </summary>
    public static AuthorizerProfile Reference { get; } = new()
    {
        Name = "reference",
        Function = ReferenceFunction,
        BaseDirectory = AppContext.BaseDirectory,
        Types = AuthorizerProfileType.All,
        IdentitySource = ["Authorization"],
        Tokens = new ProfileTokens(["HS256", "RS256", "PS256", "ES256", "ES384"], "AUTH_TOKEN_SALT", null, "AUTH_JWKS_FILE",
            [TokenDefaults.Standard.Issuer], [TokenDefaults.Standard.Audience], [], "{}"),
        PrincipalClaims = ["sub", "userId"],
        Context = ProfileContext.AllPrimitiveClaims,
        Bearer = true,
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AUTH_ISSUER"] = TokenDefaults.Standard.Issuer,
            ["AUTH_AUDIENCE"] = TokenDefaults.Standard.Audience,
        },
    };

    private static string? HeaderName(string source)
    {
        if (!source.Contains('.', StringComparison.Ordinal) && !source.StartsWith('$'))
            return source;
        var marker = source.LastIndexOf(".header.", StringComparison.Ordinal);
        return marker >= 0 ? source[(marker + ".header.".Length)..] : null;
    }
}
