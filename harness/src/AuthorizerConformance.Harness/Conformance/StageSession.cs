using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Harness.Conformance;

/// <summary>
/// One scenario's API stage. Steps describe the API and its authorizers in the <c>authz simulate</c> scenario format
/// (<see cref="Api"/>, <see cref="Authorizers"/>), so every set-up is checked by the same validating parser; the first
/// request builds the emulated <see cref="ApiGateway"/>, and later requests reuse it (the result cache lives across
/// them). Functions of kind <c>target</c> are the authorizer under test, built by the selected <see cref="IConformanceTarget"/>.
/// </summary>
public sealed class StageSession
{
    /// <summary>The function kind that stands for the authorizer under test.</summary>
    public const string TargetKind = "target";

    private readonly List<AuthorizerCall> _calls = [];
    private readonly List<GatewayResult> _results = [];
    private readonly List<SentRequest> _sent = [];
    private readonly StringWriter _authorizerLog = new();
    private readonly Dictionary<string, string> _unobservable = new(StringComparer.Ordinal);
    private ApiGateway? _gateway;
    private ScenarioClock? _clock;
    private TimeSpan _elapsed;
    private bool _deployedStarted;

    public StageSession(IConformanceTarget target, DateTimeOffset start)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
        Start = start;
    }

    /// <summary>The target the authorizer under test runs on.</summary>
    public IConformanceTarget Target { get; }

    /// <summary>The scenario's start instant; the clock only moves forward from it.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The current time of the scenario.</summary>
    public DateTimeOffset Now => Start + _elapsed;

    /// <summary>The <c>api</c> member of the scenario (type, routes, stageVariables, resourcePolicy, gatewayResponses, behavior…).</summary>
    public JsonObject Api { get; } = new() { ["type"] = "REST" };

    /// <summary>The <c>authorizers</c> member of the scenario, by name.</summary>
    public JsonObject Authorizers { get; } = [];

    /// <summary>The behaviour the scenario's <c>api.behavior</c> options start from (a behaviour file: AUTHZ_BEHAVIOR); default the documented defaults.</summary>
    public GatewayBehavior Behavior { get; set; } = GatewayBehavior.Default;

    /// <summary>The environment variables of the authorizer under test.</summary>
    public Dictionary<string, string> AuthorizerEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the authorizer under test runs as deployed without its secret and keys (UNA-2).</summary>
    public bool WithoutKeys { get; set; }

    /// <summary>The scenario's id in a recording set (<see cref="Recording.RecordingIds"/>), or null when it has none.</summary>
    public string? ScenarioId { get; set; }

    /// <summary>The scenario's secrets and tokens so far (the run's keys, the tokens it built), for redaction and fingerprints.</summary>
    public Func<IReadOnlyCollection<string>> Secrets { get; set; } = () => [];

    /// <summary>Whether the authorizer under test runs as deployed with its secret variable present but empty, and no
    /// other key (RFC 8725 §3.5, UNA-2).</summary>
    public bool EmptySecret { get; set; }

    /// <summary>Whether the stage has been built (set-up is closed then).</summary>
    public bool Started => _gateway is not null || _deployedStarted;

    /// <summary>Every authorizer call so far, in order.</summary>
    public IReadOnlyList<AuthorizerCall> Calls => _calls;

    /// <summary>Every result so far, in order.</summary>
    public IReadOnlyList<GatewayResult> Results => _results;

    /// <summary>Every request sent so far, in order, with its time (for reproductions).</summary>
    public IReadOnlyList<SentRequest> Sent => _sent;

    /// <summary>What the authorizer under test logged (it never logs tokens or keys).</summary>
    public string AuthorizerLog => _authorizerLog.ToString();

    /// <summary>The scenario document as built so far (for explanations).</summary>
    public JsonObject Document() => new() { ["api"] = Api.DeepClone(), ["authorizers"] = Authorizers.DeepClone(), ["requests"] = new JsonArray() };

    /// <summary>The scenario document as readable JSON (no escaping of <c>+</c>, <c>&lt;</c>…), for people.</summary>
    public string DocumentText() => Document().ToJsonString(Readable);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Why this scenario cannot see <paramref name="observation"/> (a <see cref="TargetObservation"/> name): the
    /// target never shows it (<see cref="IConformanceTarget.CannotObserve"/>), or a function of this scenario said an
    /// invocation hid it (<see cref="TargetFunctionRequest.Unobservable"/>); null when it can.</summary>
    public string? CannotObserve(string observation)
    {
        if (Target.CannotObserve(observation) is { } never)
            return never;
        lock (_unobservable)
            return _unobservable.GetValueOrDefault(observation);
    }

    private void Unobservable(string observation, string reason)
    {
        lock (_unobservable)
            _unobservable.TryAdd(observation, reason);
    }

    /// <summary>Lets time pass before the next request.</summary>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration), "Time only moves forward.");
        _elapsed += duration;
        _clock?.MoveTo(_elapsed);
    }

    /// <summary>
    /// Lets time pass before the next request. On a deployed stage (<see cref="IDeployedStage"/>) that is real time, and
    /// only when slow waits are allowed (else <see cref="ScenarioNotApplicableException"/>); elsewhere the scenario's clock moves.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (Target is IDeployedStage deployed)
        {
            if (duration < TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(duration), "Time only moves forward.");
            await deployed.WaitAsync(duration, cancellationToken).ConfigureAwait(false);
        }
        Advance(duration);
    }

    /// <summary>Sends one client request through the stage, building it on the first call. A deployed stage
    /// (<see cref="IDeployedStage"/>) answers it itself.</summary>
    public async Task<GatewayResult> SendAsync(ClientRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Target is IDeployedStage stage)
        {
            _deployedStarted = true;
            _sent.Add(new SentRequest(request, _elapsed));
            var answer = await stage.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _results.Add(answer);
            return answer;
        }
        var gateway = _gateway ?? Build();
        _sent.Add(new SentRequest(request, _elapsed));
        var result = await gateway.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        _results.Add(result);
        return result;
    }

    private ApiGateway Build()
    {
        using var json = JsonDocument.Parse(Document().ToJsonString());
        var parsed = ScenarioParser.Parse(json.RootElement, Behavior);
        if (!parsed.IsValid)
            throw new InvalidOperationException($"The scenario's API set-up is not valid: {parsed.Error}. Scenario: {DocumentText()}");
        var scenario = parsed.Scenario!;
        _clock = new ScenarioClock(Start);
        _clock.MoveTo(_elapsed);

        var resolver = AuthorizerFunctionResolver.CreateDefault();
        resolver.Register(TargetKind, spec => FunctionResolution.Of(
            Target.CreateFunction(new TargetFunctionRequest(spec.Authorizer, scenario.Api.Type, AuthorizerEnvironment, WithoutKeys, spec.TimeProvider, _authorizerLog)
            {
                ScenarioId = ScenarioId,
                Secrets = Secrets,
                EmptySecret = EmptySecret,
                Unobservable = Unobservable,
            })));
        resolver.Register(ReferenceFunctionFactory.Kind, spec => ReferenceFunctionFactory.Create(spec, scenario.Api.Type, _authorizerLog));
        var functions = new Dictionary<string, IAuthorizerFunction>(StringComparer.Ordinal);
        foreach (var authorizer in scenario.Authorizers)
        {
            var resolution = resolver.Resolve(new FunctionSpec(authorizer.Function, $"authorizers.{authorizer.Name}.function", authorizer, _clock));
            if (resolution.Error is not null)
                throw new InvalidOperationException($"The scenario's authorizer set-up is not valid: {resolution.Error}.");
            functions[authorizer.Name] = new RecordingAuthorizerFunction(authorizer.Name, resolution.Function!, _calls);
        }
        return _gateway = new ApiGateway(scenario.Api, scenario.Authorizers, a => functions[a.Name], _clock);
    }
}
