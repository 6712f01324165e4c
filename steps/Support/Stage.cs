using System.Text.Json.Nodes;
using AuthorizerConformance.ApiImport;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// One scenario's world (Reqnroll injects one per scenario): the API stage being described and run, the token plan,
/// and the last result. Named defaults keep scenarios minimal and come from the profile of the authorizer under test
/// (AUTHZ_PROFILE, default the reference authorizer's): a REST API with one authorizer "A" of the profile's type
/// reading its identity source, protecting every route; tokens carry standard claims with the profile's issuer,
/// audience, principal claim and extra claims at the scenario's clock, signed with the profile's first algorithm.
/// </summary>
public sealed partial class Stage
{
    /// <summary>The authorizer a scenario configures unless it names another.</summary>
    public const string DefaultAuthorizer = "A";

    /// <summary>Every scenario starts at this instant.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IConformanceTarget> SelectedTarget = new(() => ConformanceTargets.FromEnvironment(SuiteKeys.Keys));
    private bool _routesDeclared;
    private bool _typeSet;
    private string? _token;
    private readonly List<BuiltToken> _builtTokens = [];

    public Stage()
    {
        // A function in its own process reads the real clock: its scenarios start now, so tokens are minted at real time.
        var start = Target.Capabilities.Contains(TargetCapability.ControlledClock)
            ? Start
            : DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Session = new StageSession(Target, start);
        UseHardenedAuthorizerSettings();
    }

    /// <summary>The selected target (AUTHZ_PROFILE, else AUTHZ_TARGET).</summary>
    public static IConformanceTarget Target => SelectedTarget.Value;

    /// <summary>Whether the target was selected (so there is something to dispose at the end of the run).</summary>
    public static bool TargetSelected => SelectedTarget.IsValueCreated;

    /// <summary>The contract of the authorizer under test.</summary>
    public static AuthorizerProfile Profile => Target.Profile;

    public StageSession Session { get; }

    /// <summary>How the scenario's token is built, or null when the scenario has no token.</summary>
    public TokenPlan? Token { get; set; }

    /// <summary>The last response, or a failure telling the author which step is missing.</summary>
    public GatewayResult Last => Session.Results.Count > 0
        ? Session.Results[^1]
        : throw new InvalidOperationException("No request was sent yet: add a 'When the client calls …' step before this one.");

    /// <summary>The API type as set by the scenario.</summary>
    public string ApiType => (string)Session.Api["type"]!;

    /// <summary>The token text (built once, at the scenario's clock when first needed).</summary>
    public string TokenText => _token ??= BuildToken();

    /// <summary>Every token built so far, in order (for redaction and reproductions).</summary>
    public IReadOnlyList<BuiltToken> BuiltTokens => _builtTokens;

    /// <summary>The profile's configuration with the run's keys (for the reference authorizer: its hardened settings —
    /// the run's HS secret and JWKS, the standard issuer and audience).</summary>
    public void UseHardenedAuthorizerSettings()
    {
        var env = Session.AuthorizerEnvironment;
        env.Clear();
        foreach (var (name, value) in Profile.EnvironmentFor(SuiteKeys.Keys))
            env[name] = value;
        Session.WithoutKeys = false;
        Session.EmptySecret = false;
    }

    /// <summary>Starts a token with the standard claims at the scenario's clock: the profile's first issuer and audience,
    /// its first principal claim set to the standard subject, its extra claims, signed with its first algorithm.</summary>
    public TokenPlan NewToken()
    {
        _token = null;
        var tokens = Profile.Tokens;
        var defaults = TokenDefaults.Standard with
        {
            Issuer = tokens.Issuers.FirstOrDefault() ?? TokenDefaults.Standard.Issuer,
            Audience = tokens.Audiences.FirstOrDefault() ?? TokenDefaults.Standard.Audience,
        };
        var claims = ClaimsBuilder.Standard(Session.Now, defaults).Build();
        claims[Profile.PrincipalClaims[0]] = defaults.Subject;
        foreach (var (name, value) in JsonNode.Parse(tokens.Claims)!.AsObject())
            claims[name] = value?.DeepClone();
        return Token = new TokenPlan { Claims = claims, Algorithm = tokens.Algorithms[0] };
    }

    /// <summary>The token plan to edit (a valid token is assumed when none was described yet).</summary>
    public TokenPlan EditToken()
    {
        _token = null;
        return Token ?? NewToken();
    }

    /// <summary>Sets the API type; must come first, since it decides the defaults.</summary>
    public void SetApiType(string type)
    {
        EnsureNotStarted();
        Session.Api["type"] = type;
        _typeSet = true;
    }

    /// <summary>
    /// The team's API for this run (<c>authz run --api</c>, AUTHZ_API), offered to a scenario of the team's features
    /// (never a built-in one); it runs on it when it describes no API of its own (no API type, authorizer, route or
    /// imported definition) by its first request.
    /// </summary>
    public ImportedApi? ApiUnderTest { get; set; }

    /// <summary>The <c>authorizers.&lt;name&gt;</c> object, created with the API type's defaults on first use.</summary>
    public JsonObject Authorizer(string name = DefaultAuthorizer)
    {
        EnsureNotStarted();
        if (Session.Authorizers[name] is JsonObject existing)
            return existing;
        // API Gateway's own defaults: TOKEN on a REST API, REQUEST elsewhere, reading the Authorization header.
        // ServeTheProfile gives an authorizer that calls the authorizer under test the profile's sources and type.
        var created = ApiType switch
        {
            "HTTP" => new JsonObject
            {
                ["type"] = "REQUEST", ["identitySource"] = new JsonArray("$request.header.Authorization"), ["payloadFormatVersion"] = "2.0",
            },
            "WEBSOCKET" => new JsonObject { ["type"] = "REQUEST", ["identitySource"] = new JsonArray("route.request.header.Authorization") },
            _ => new JsonObject { ["type"] = "TOKEN", ["identitySource"] = "method.request.header.Authorization" },
        };
        // A deployed authorizer's own settings, as discovered (test-invoke:): the emulation around it does what its stage does.
        // (A validation expression only where the authorizer stays TOKEN: a REQUEST-only profile's becomes REQUEST, REQ-4.)
        if (ApiType == "REST" && Profile.ValidationExpression is { } expression && Profile.Types.Contains(AuthorizerProfileType.Token))
            created["identityValidationExpression"] = expression;
        if (ApiType == "REST" && Profile.ResultTtlInSeconds is { } ttl)
            created["resultTtlInSeconds"] = ttl;
        created["function"] = new JsonObject { ["kind"] = StageSession.TargetKind };
        Session.Authorizers[name] = created;
        _sourceByDefault.Add(name);
        if (ApiType == "REST")
            _typeByDefault.Add(name);
        return created;
    }

    /// <summary>The <c>authorizers.&lt;name&gt;</c> object with the type the scenario names (<c>TOKEN</c>, <c>REQUEST</c>):
    /// it keeps that type whatever the authorizer under test serves.</summary>
    public JsonObject AuthorizerOfType(string type, string name = DefaultAuthorizer)
    {
        var authorizer = Authorizer(name);
        authorizer["type"] = type;
        _typeByDefault.Remove(name);
        _sourceByDefault.Remove(name);
        return authorizer;
    }

    /// <summary>Sets the identity source of <c>authorizers.&lt;name&gt;</c> as the scenario writes it (it keeps it whatever
    /// the profile says).</summary>
    public void SetIdentitySource(string sources, string name = DefaultAuthorizer)
    {
        Authorizer(name)["identitySource"] = sources;
        _sourceByDefault.Remove(name);
    }

    /// <summary>
    /// Replaces the API and its authorizers with an imported definition (OpenAPI or SAM): its routes are the declared
    /// routes, and every authorizer it names is the authorizer under test unless the import mapped it otherwise.
    /// </summary>
    public void UseImportedApi(ImportedApi imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        EnsureNotStarted();
        Session.Api.Clear();
        foreach (var (name, value) in imported.Api)
            Session.Api[name] = value?.DeepClone();
        Session.Authorizers.Clear();
        _typeByDefault.Clear();
        _sourceByDefault.Clear();
        foreach (var (name, value) in imported.Authorizers)
            Session.Authorizers[name] = value?.DeepClone();
        _routesDeclared = true;
    }

    /// <summary>Adds a route (<c>GET /pets/{id}</c>, <c>$default</c>, <c>$connect</c>) protected by <paramref name="authorizer"/> or by none.</summary>
    public JsonObject AddRoute(string routeKey, string? authorizer)
    {
        EnsureNotStarted();
        _routesDeclared = true;
        var route = new JsonObject();
        var space = routeKey.IndexOf(' ', StringComparison.Ordinal);
        if (ApiType == "REST" && space > 0)
        {
            route["method"] = routeKey[..space];
            route["resource"] = routeKey[(space + 1)..];
        }
        else
        {
            route["routeKey"] = routeKey;
        }
        if (authorizer is not null)
        {
            Authorizer(authorizer);
            route["authorizer"] = authorizer;
        }
        Routes().Add(route);
        return route;
    }

    /// <summary>The route object with <paramref name="routeKey"/>.</summary>
    public JsonObject Route(string routeKey) =>
        Routes().OfType<JsonObject>().FirstOrDefault(r => RouteKeyOf(r) == routeKey)
        ?? throw new InvalidOperationException($"No route '{routeKey}' was declared; declare it with 'Given the route \"{routeKey}\" is protected by the authorizer'.");

    /// <summary>Sends a request, adding the default route and authorizer first when the scenario declared none. A
    /// scenario whose authorizer the profile's function cannot serve is skipped with the reason.</summary>
    public async Task<GatewayResult> SendAsync(ClientRequest request)
    {
        if (!Session.Started)
        {
            ApplyDefaults();
            if (Target is IDeployedStage)
            {
                // UNA-2 needs the authorizer without its keys: a deployed stage runs the one it was deployed with.
                Require(!Session.WithoutKeys, "a deployed stage runs its authorizer as deployed; it cannot run it without its secret and keys (UNA-2): deploy a copy without them and point a profile at it.");
                RequireDeployedConfiguration();
            }
        }
        try
        {
            return await Session.SendAsync(request);
        }
        catch (ScenarioNotApplicableException e)
        {
            Assert.Skip(e.Message);
            throw;
        }
    }

    /// <summary>Lets time pass: the scenario's clock, or real time on a deployed stage when slow waits are allowed
    /// (else the scenario is skipped with the reason).</summary>
    public async Task AdvanceAsync(TimeSpan duration)
    {
        try
        {
            await Session.AdvanceAsync(duration);
        }
        catch (ScenarioNotApplicableException e)
        {
            Assert.Skip(e.Message);
            throw;
        }
    }

    /// <summary>
    /// A deployed stage keeps the API configuration it was deployed with: the scenario runs on it only when it describes
    /// the API exactly as the defaults do (the profile's authorizer on every route); otherwise it is skipped, naming
    /// the first differences.
    /// </summary>
    private void RequireDeployedConfiguration()
    {
        var baseline = new Stage();
        baseline.ApplyDefaults();
        var differences = JsonText.Differences(baseline.Session.Document(), Session.Document(), exact: true);
        if (differences.Count > 0)
            Assert.Skip($"The target '{Target.Name}' is a deployed stage with its own API configuration; this scenario configures the API " +
                        $"otherwise ({string.Join("; ", differences.Take(3))}{(differences.Count > 3 ? $"; {differences.Count - 3} more" : "")}).");
    }

    /// <summary>Header name and value that carry the token by default: the default authorizer's first header source.</summary>
    public (string Name, string Value) DefaultTokenHeader()
    {
        var source = DefaultTokenSource();
        var marker = source.LastIndexOf(".header.", StringComparison.Ordinal);
        var name = marker >= 0 ? source[(marker + ".header.".Length)..] : "Authorization";
        return (name, name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? Credentials : TokenText);
    }

    /// <summary><paramref name="request"/> carrying the scenario's token (if it has one) where the default authorizer reads
    /// it: a header (<see cref="DefaultTokenHeader"/>), or the raw token in the query-string parameter its first identity
    /// source names (<c>method.request.querystring.token</c>, <c>$request.querystring.token</c>) — where a REQUEST profile
    /// says its token travels.</summary>
    public ClientRequest CarryingTheToken(ClientRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Token is null)
            return request;
        var source = DefaultTokenSource();
        var marker = source.LastIndexOf(".querystring.", StringComparison.Ordinal);
        if (marker >= 0)
        {
            var parameter = source[(marker + ".querystring.".Length)..] + "=" + Uri.EscapeDataString(TokenText);
            return request with { Query = request.Query.Length == 0 ? parameter : request.Query + "&" + parameter };
        }
        var (name, value) = DefaultTokenHeader();
        return request with { Headers = [.. request.Headers, new(name, value)] };
    }

    /// <summary>The token as the API's clients send it in the Authorization header: <c>Bearer &lt;token&gt;</c>, or the raw
    /// token when the profile says <c>"bearer": false</c>.</summary>
    public string Credentials => Profile.Bearer ? "Bearer " + TokenText : TokenText;

    /// <summary>Replaces <c>{token}</c> (the token) and <c>{credentials}</c> (the token as clients send it in the
    /// Authorization header) in a value written in a feature.</summary>
    public string Expand(string text)
    {
        if (text.Contains("{credentials}", StringComparison.Ordinal))
            text = text.Replace("{credentials}", Credentials, StringComparison.Ordinal);
        return text.Contains("{token}", StringComparison.Ordinal) ? text.Replace("{token}", TokenText, StringComparison.Ordinal) : text;
    }

    /// <summary>Skips the scenario when the target cannot show <paramref name="observation"/> (a <see cref="TargetObservation"/>
    /// name) — a deployed authorizer shows less than the emulated gateway, and may show less in one scenario than in another
    /// (<see cref="StageSession.CannotObserve"/>). Never a pass.</summary>
    public void Observe(string observation)
    {
        if (Session.CannotObserve(observation) is { } reason)
            Assert.Skip($"The target '{Target.Name}' cannot show what this step checks: {reason}");
    }

    /// <summary>Skips the scenario now when one of its <paramref name="steps"/> checks what the target cannot show
    /// (<see cref="ObservesAttribute"/>): before a real-time wait on a deployed stage, which would be waited in vain.</summary>
    public void ObserveAll(IEnumerable<System.Reflection.MethodInfo> steps, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var unseen = steps.SelectMany(m => m.GetCustomAttributes(typeof(ObservesAttribute), false).Cast<ObservesAttribute>())
            .Select(a => Session.CannotObserve(a.Observation)).FirstOrDefault(reason => reason is not null);
        if (unseen is not null)
            Assert.Skip($"The target '{Target.Name}' cannot show what a step of this scenario checks, so it is skipped before waiting " +
                        $"{wait.TotalSeconds:0.#} s in real time: {unseen}");
    }

    /// <summary>Skips the scenario with <paramref name="reason"/> unless <paramref name="applies"/>: a precondition on the
    /// profile of the authorizer under test, never a pass.</summary>
    public static void Require(bool applies, string reason)
    {
        if (!applies)
            Assert.Skip($"Not applicable to the profile '{Profile.Name}': {reason}");
    }

    private string BuildToken()
    {
        var plan = Token ?? throw new InvalidOperationException("The scenario has no token: add a 'Given a valid token' step.");
        var text = plan.Build(Session.Now);
        _builtTokens.Add(new BuiltToken(text, plan.Snapshot(), Session.Now));
        return text;
    }

    /// <summary>The API under test, for a scenario that described none by now; the scenario's own API members (a resource
    /// policy, API keys, its identity) stay on top of the definition's.</summary>
    private void UseApiUnderTestUnlessDescribed()
    {
        if (ApiUnderTest is null || Session.Started || Session.Authorizers.Count > 0 || _routesDeclared || _typeSet)
            return;
        var own = Session.Api.Where(kv => kv.Key != "type").Select(kv => (kv.Key, Value: kv.Value?.DeepClone())).ToList();
        UseImportedApi(ApiUnderTest);
        foreach (var (name, value) in own)
            Session.Api[name] = value;
    }

    private void ApplyDefaults()
    {
        UseApiUnderTestUnlessDescribed();
        if (Session.Authorizers.Count == 0)
            Authorizer();
        ServeTheProfile();
        if (!_routesDeclared)
        {
            switch (ApiType)
            {
                case "HTTP":
                    AddRoute("$default", DefaultAuthorizer);
                    break;
                case "WEBSOCKET":
                    AddRoute("$connect", DefaultAuthorizer);
                    break;
                default:
                    AddRoute("ANY /", DefaultAuthorizer);
                    AddRoute("ANY /{proxy+}", DefaultAuthorizer);
                    break;
            }
        }
    }

    private JsonArray Routes() => Session.Api["routes"] as JsonArray ?? (JsonArray)(Session.Api["routes"] = new JsonArray());

    private static string? RouteKeyOf(JsonObject route) =>
        route["routeKey"]?.GetValue<string>() ?? $"{route["method"]?.GetValue<string>()} {route["resource"]?.GetValue<string>()}";

    private void EnsureNotStarted()
    {
        if (Session.Started)
            throw new InvalidOperationException("The API is already running: describe the API and its authorizers before the first request.");
    }
}
