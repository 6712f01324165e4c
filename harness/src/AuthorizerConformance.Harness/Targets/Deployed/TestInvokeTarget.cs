using Amazon;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Harness.Targets.Deployed;

/// <summary>
/// <c>"function": "test-invoke:&lt;restApiId&gt;/&lt;authorizerId&gt;"</c>: a deployed REST API authorizer, reached through
/// API Gateway's TestInvokeAuthorizer with the user's AWS credentials (the standard chain) in the profile's
/// <c>region</c>. On first use it discovers the authorizer (GetAuthorizer: type, identity sources, validation expression,
/// TTL) and the <c>stage</c>'s variables (GetStage), and the profile the features read is the discovered one. Every
/// scenario's request then runs through the emulated gateway around the deployed function
/// (<see cref="TestInvokeAuthorizerFunction"/>): the returned policy is judged locally against the scenario's real method
/// ARN, so a Deny is the stage's 403. What a test invoke cannot show — the stage's cache, the event AWS built, the
/// authorizer's own log — skips the expectations that need it, with the reason. Discovery failures (access denied,
/// not found, throttled past the retry budget) fail every scenario with the client's message.
/// </summary>
public sealed class TestInvokeTarget : IConformanceTarget, IDisposable
{
    private static readonly IReadOnlySet<string> Only = new HashSet<string>(StringComparer.Ordinal) { TargetCapability.GatewayEmulation, TargetCapability.PassingTime };

    private const string HeaderSource = "method.request.header.";

    private readonly AuthorizerProfile _declared;
    private readonly Lazy<AmazonAPIGatewayClient> _client;
    private readonly Lazy<Discovery> _discovery;

    /// <param name="profile">The profile (its <c>function</c> is <c>test-invoke:…</c>).</param>
    /// <param name="config">The client's configuration (tests give the fake's endpoint and credentials); null: the
    /// production defaults with the profile's region.</param>
    public TestInvokeTarget(AuthorizerProfile profile, AmazonAPIGatewayConfig? config = null)
    {
        _declared = profile ?? throw new ArgumentNullException(nameof(profile));
        var (ids, problem) = Parse(profile.Function.StartsWith(ProfileFunctionKinds.TestInvokePrefix, StringComparison.Ordinal)
            ? profile.Function[ProfileFunctionKinds.TestInvokePrefix.Length..] : "");
        if (problem is not null)
            throw new ProfileException($"{profile.SourceFile ?? profile.Name}: $.function: {problem}");
        (RestApiId, AuthorizerId) = ids;
        _client = new Lazy<AmazonAPIGatewayClient>(() => new AmazonAPIGatewayClient(config ?? new AmazonAPIGatewayConfig
        {
            RegionEndpoint = profile.Region is { } region ? RegionEndpoint.GetBySystemName(region) : null,
        }), LazyThreadSafetyMode.ExecutionAndPublication);
        _discovery = new Lazy<Discovery>(Discover, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The REST API id.</summary>
    public string RestApiId { get; }

    /// <summary>The authorizer id.</summary>
    public string AuthorizerId { get; }

    /// <inheritdoc />
    public string Name => _declared.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => Only;

    /// <summary>The profile as discovered: its type, identity sources, validation expression and TTL are the deployed
    /// authorizer's (discovered on first use).</summary>
    /// <exception cref="DeployedStageException">Discovery failed; the message says what to fix.</exception>
    public AuthorizerProfile Profile => _discovery.Value.Profile;

    /// <summary>The stage variables every test invoke carries (the profile's <c>stage</c>'s, else none).</summary>
    public IReadOnlyDictionary<string, string> StageVariables => _discovery.Value.StageVariables;

    /// <summary>Splits <c>&lt;restApiId&gt;/&lt;authorizerId&gt;</c>; the problem is null when it is well formed.</summary>
    public static ((string RestApiId, string AuthorizerId) Ids, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        return parts.Length == 2 && parts.All(Id)
            ? ((parts[0], parts[1]), null)
            : (("", ""), $"\"{ProfileFunctionKinds.TestInvokePrefix}{text}\" must be \"{ProfileFunctionKinds.TestInvokePrefix}<restApiId>/<authorizerId>\" (letters and digits, e.g. test-invoke:a1b2c3d4e5/xyz123)");

        static bool Id(string part) => part.Length is > 0 and <= 64 && part.All(char.IsAsciiLetterOrDigit);
    }

    /// <inheritdoc />
    public IAuthorizerFunction CreateFunction(TargetFunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.WithoutKeys)
            throw new ScenarioNotApplicableException(
                "UNA-2 needs the authorizer started without its secret and keys; a deployed authorizer keeps its own configuration (deploy a copy without them and point a profile at it).");
        TargetApplicability.Check(Profile, request.Authorizer, request.ApiType);
        if (request.ApiType != ApiType.Rest)
            throw new ScenarioNotApplicableException($"TestInvokeAuthorizer tests REST API authorizers; this scenario's API is {request.ApiType}.");
        return new TestInvokeAuthorizerFunction(_client.Value, RestApiId, AuthorizerId, Profile.TokenHeader, StageVariables)
        {
            Unobservable = request.Unobservable,
        };
    }

    /// <inheritdoc />
    public string? CannotObserve(string observation) => observation switch
    {
        TargetObservation.AuthorizerEvent => "TestInvokeAuthorizer does not show the event AWS built for the authorizer.",
        TargetObservation.Cache => "a test invoke never caches and the stage's cache cannot be seen through it: cache hits and call counts here would be the emulation's, not the stage's.",
        TargetObservation.AuthorizerLog => "the authorizer's own log lines are in CloudWatch, not in TestInvokeAuthorizer's answer.",
        _ => null,
    };

    /// <summary>Disposes the client.</summary>
    public void Dispose()
    {
        if (_client.IsValueCreated)
            _client.Value.Dispose();
    }

    private sealed record Discovery(AuthorizerProfile Profile, IReadOnlyDictionary<string, string> StageVariables);

    private Discovery Discover()
    {
        var where = $"{_declared.SourceFile ?? _declared.Name}: $.function: {_declared.Function}";
        try
        {
            var authorizer = _client.Value.GetAuthorizerAsync(RestApiId, AuthorizerId).GetAwaiter().GetResult();
            var type = authorizer.Type switch
            {
                "TOKEN" => AuthorizerProfileType.Token,
                "REQUEST" => AuthorizerProfileType.Request,
                var other => throw new DeployedStageException(
                    $"{where}: the authorizer is of type {other ?? "(none)"}; the suite judges Lambda authorizers (TOKEN or REQUEST)."),
            };
            // A header source becomes the header's name, as a profile writes it, so scenarios of every API type read it.
            var sources = (authorizer.IdentitySource ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.StartsWith(HeaderSource, StringComparison.Ordinal) ? s[HeaderSource.Length..] : s).ToArray();
            if (sources.Length == 0)
                throw new DeployedStageException($"{where}: the authorizer has no identity source (GetAuthorizer): the suite needs to know where the token goes.");
            IReadOnlyDictionary<string, string> variables = new Dictionary<string, string>(StringComparer.Ordinal);
            if (_declared.StageName is { } stage)
                variables = _client.Value.GetStageAsync(RestApiId, stage).GetAwaiter().GetResult().Variables ?? variables;
            var profile = _declared with
            {
                Types = [type],
                IdentitySource = sources,
                ValidationExpression = type == AuthorizerProfileType.Token ? authorizer.IdentityValidationExpression : null,
                // 300 s when not set (GetAuthorizer leaves it out then).
                ResultTtlInSeconds = authorizer.AuthorizerResultTtlInSeconds ?? 300,
            };
            return new Discovery(profile, variables);
        }
        catch (AmazonAPIGatewayException e)
        {
            throw new DeployedStageException($"{where}: discovering the authorizer failed: {e.Message}", e);
        }
    }
}
