using System.Net.Sockets;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Harness.Targets.Deployed;

/// <summary>
/// <c>"function": "stage:https://{apiId}.execute-api.{region}.amazonaws.com/{stage}"</c> (or a custom domain's URL): a
/// whole deployed stage. Every scenario's request goes to it over real HTTP (<see cref="StageInvoker"/>), and the
/// scenario sees the real status, headers and body, with the stage's real cache. The stage keeps its own configuration,
/// so a scenario that configures the API or scripts a function is skipped (it has no
/// <see cref="TargetCapability"/>), and so is every expectation about what only the gateway knows
/// (<see cref="CannotObserve"/>). Time passes in real time, and only when slow waits are allowed
/// (<see cref="AllowSlowVariable"/> or <c>authz run --allow-slow</c>): only then has the target
/// <see cref="TargetCapability.PassingTime"/>.
/// </summary>
public sealed class DeployedStageTarget : IConformanceTarget, IDeployedStage, IDisposable
{
    /// <summary>Set to <c>1</c> (or <c>true</c>) to let scenarios wait in real time on a deployed stage (a TTL of minutes).</summary>
    public const string AllowSlowVariable = "AUTHZ_ALLOW_SLOW";

    /// <summary>The longest real-time wait a scenario may ask for (API Gateway's longest result TTL, 3600 s, plus a minute).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(3660);

    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> Slow = new HashSet<string>(StringComparer.Ordinal) { TargetCapability.PassingTime };

    private readonly HttpClient _http;
    private readonly StageInvoker _invoker;
    private readonly bool _allowSlow;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <param name="profile">The profile (its <c>function</c> is <c>stage:…</c>).</param>
    /// <param name="handler">The HTTP handler (null: a new <see cref="SocketsHttpHandler"/>).</param>
    /// <param name="allowSlow">Whether real-time waits are allowed (null: <see cref="AllowSlowVariable"/>).</param>
    /// <param name="delay">How to wait (null: <see cref="Task.Delay(TimeSpan, CancellationToken)"/>).</param>
    public DeployedStageTarget(AuthorizerProfile profile, HttpMessageHandler? handler = null, bool? allowSlow = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        var (url, problem) = Parse(profile.Function.StartsWith(ProfileFunctionKinds.StagePrefix, StringComparison.Ordinal)
            ? profile.Function[ProfileFunctionKinds.StagePrefix.Length..] : "");
        if (problem is not null)
            throw new ProfileException($"{profile.SourceFile ?? profile.Name}: $.function: {problem}");
        InvokeUrl = url!;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _invoker = new StageInvoker(_http, InvokeUrl);
        _allowSlow = allowSlow ?? Environment.GetEnvironmentVariable(AllowSlowVariable) is "1" or "true" or "TRUE" or "True";
        _delay = delay ?? Task.Delay;
    }

    /// <summary>The stage's invoke URL.</summary>
    public Uri InvokeUrl { get; }

    /// <inheritdoc />
    public string Name => Profile.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => _allowSlow ? Slow : None;

    /// <inheritdoc />
    public AuthorizerProfile Profile { get; }

    /// <summary>Parses an invoke URL (http or https, absolute, no query or fragment); the problem is null when it is well formed.</summary>
    public static (Uri? Url, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0
               && url.Fragment.Length == 0 && url.UserInfo.Length == 0
            ? (url, null)
            : (null, $"\"{ProfileFunctionKinds.StagePrefix}{text}\" must be \"{ProfileFunctionKinds.StagePrefix}\" and the stage's invoke URL, e.g. " +
                     "stage:https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod (or a custom domain's URL), without a query");
    }

    /// <inheritdoc />
    public IAuthorizerFunction CreateFunction(TargetFunctionRequest request) =>
        throw new ScenarioNotApplicableException(
            "The scenario runs a function of its own in the emulated gateway; a deployed stage runs only its deployed authorizer.");

    /// <inheritdoc />
    public string? HowToEnable(string capability) => capability == TargetCapability.PassingTime && !_allowSlow ? SlowWaitsOff : null;

    private const string SlowWaitsOff = "On a deployed stage time passes in real time, which the run was not allowed: allow slow scenarios with " +
                                        AllowSlowVariable + "=1 (dotnet test) or authz run --allow-slow.";

    /// <inheritdoc />
    public string? CannotObserve(string observation) => observation switch
    {
        TargetObservation.GatewayDecision => "a deployed stage shows the client's answer only, not the gateway's failure code, policy decision or method ARN.",
        TargetObservation.AuthorizerCalls => "a deployed stage does not show whether its authorizer ran.",
        TargetObservation.Cache => "a deployed stage does not show whether an answer came from its cache.",
        TargetObservation.AuthorizerEvent => "a deployed stage does not show the event its authorizer received.",
        TargetObservation.AuthorizerOutput => "a deployed stage does not show what its authorizer returned.",
        TargetObservation.BackendRequest => "a deployed stage does not show what its backend received.",
        TargetObservation.AuthorizerLog => "the authorizer's log lines are in CloudWatch, not in the stage's answers.",
        _ => null,
    };

    /// <summary>
    /// What a REST stage shows of a failure code: the <c>x-amzn-ErrorType</c> of the gateway response it gives (GWR-3),
    /// or null when the answer does not tell it apart. The code itself is the emulation's; on a stage an expectation
    /// "401 because authorizer-unauthorized" is checked as far as the answer shows it (the status and this header).
    /// </summary>
    public static string? ErrorTypeOf(string failure) => failure switch
    {
        FailureCodes.IdentitySourceMissing or FailureCodes.ValidationExpressionMismatch or FailureCodes.ValidationExpressionTimeout
            or FailureCodes.AuthorizerUnauthorized => "UnauthorizedException",
        FailureCodes.AuthorizerError or FailureCodes.AuthorizerTimeout or FailureCodes.AuthorizerOutputInvalid
            or FailureCodes.ContextValueInvalid => "AuthorizerConfigurationException",
        FailureCodes.PolicyExplicitDeny or FailureCodes.PolicyImplicitDeny or FailureCodes.ResourcePolicyDeny => "AccessDeniedException",
        FailureCodes.RouteNotFound => "MissingAuthenticationTokenException",
        _ => null,
    };

    /// <inheritdoc />
    public async Task<GatewayResult> SendAsync(ClientRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StageResponse response;
        var where = $"{request.Method} {_invoker.UrlFor(request).GetLeftPart(UriPartial.Path)}";
        try
        {
            response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new DeployedStageException($"the deployed stage did not answer: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            var cause = e.InnerException is SocketException s ? s.SocketErrorCode.ToString() : e.HttpRequestError.ToString();
            throw new DeployedStageException($"the deployed stage could not be reached: {where} failed ({cause}: {e.Message}).", e);
        }
        catch (InvalidDataException e)
        {
            throw new DeployedStageException($"the deployed stage's answer to {where} was refused: {e.Message}.", e);
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in response.Headers)
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        return new GatewayResult
        {
            Status = response.Status,
            Headers = headers,
            Body = response.Body,
            // GWR-3: the answers API Gateway makes itself carry x-amzn-ErrorType; an answer without it came from the
            // backend. The backend's request context cannot be seen (CannotObserve).
            Integration = headers.ContainsKey("x-amzn-ErrorType") ? IntegrationResult.NotInvoked : new IntegrationResult(true, null),
            IdentityValues = [.. request.Headers.Select(h => h.Value)],
        };
    }

    /// <inheritdoc />
    public Task WaitAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!_allowSlow)
            throw new ScenarioNotApplicableException($"It waits {duration.TotalSeconds:0.#} s. {SlowWaitsOff}");
        if (duration > MaxWait)
            throw new ScenarioNotApplicableException($"It waits {duration.TotalSeconds:0.#} s, more than the longest real wait allowed ({MaxWait.TotalSeconds:0} s).");
        return _delay(duration, cancellationToken);
    }

    /// <summary>Disposes the HTTP client.</summary>
    public void Dispose() => _http.Dispose();
}
