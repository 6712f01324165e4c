using System.Text;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// One emulated API stage. <see cref="HandleAsync"/> answers "what would the client see?" through small named
/// stages (spec H): route → ARN → resource policy (pre-auth) → identity source → validation expression → cache →
/// invoke → output validation → policy evaluation → API key → response. Pure: time comes from the injected
/// <see cref="TimeProvider"/>, the authorizer through its port; no I/O. Not thread-safe (one stage, one caller).
/// </summary>
public sealed partial class ApiGateway
{
    private readonly ApiDefinition _api;
    private readonly TimeProvider _time;
    private readonly RouteMatcher _routes;
    private readonly Dictionary<string, ActiveAuthorizer> _authorizers = new(StringComparer.Ordinal);
    private readonly AuthorizerResultCache _cache;
    private readonly OutputValidationStage _outputs;
    private readonly GatewayResponses _responses;
    private readonly bool _hasResourcePolicy;
    private readonly CompiledPolicy? _resourcePolicy;
    private long _sequence;

    /// <summary>Builds the stage. <paramref name="functions"/> gives the function of each authorizer definition.</summary>
    /// <exception cref="ArgumentException">A route names an unknown authorizer, or the resource policy is invalid.</exception>
    public ApiGateway(ApiDefinition api, IReadOnlyList<AuthorizerDefinition> authorizers,
        Func<AuthorizerDefinition, IAuthorizerFunction> functions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(authorizers);
        ArgumentNullException.ThrowIfNull(functions);
        _api = api;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _routes = new RouteMatcher(api.Type, api.Routes);
        foreach (var definition in authorizers)
            _authorizers[definition.Name] = new ActiveAuthorizer(api, definition, functions(definition));
        foreach (var route in api.Routes)
        {
            if (route.Authorizer is not null && !_authorizers.ContainsKey(route.Authorizer))
                throw new ArgumentException($"Route '{route.RouteKey}' names unknown authorizer '{route.Authorizer}'.", nameof(api));
        }
        _cache = new AuthorizerResultCache(timeProvider);
        _outputs = new OutputValidationStage(api, new PolicyStage(api.Behavior));
        _responses = new GatewayResponses(api);
        if (api.ResourcePolicy is { } document)
        {
            if (!ResourcePolicy.TryCompile(document, api.Behavior, out _resourcePolicy, out var errors))
                throw new ArgumentException("Invalid resource policy: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")), nameof(api));
            _hasResourcePolicy = true;
        }
    }

    /// <summary>Handles one client request and reports everything that happened.</summary>
    public async ValueTask<GatewayResult> HandleAsync(ClientRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = new RequestFacts(_api, ++_sequence, _time.GetUtcNow());
        var match = _routes.Match(request.Method, request.Path);
        if (match is null)
        {
            // Table A.6 row 1: evaluated before any authorizer runs.
            return Finish(new Trace(), null, new Rejection(FailureCodes.RouteNotFound, GatewayResponseType.MissingAuthenticationToken,
                "Missing Authentication Token", $"no route matches {request.Method} {request.Path}"));
        }
        var arn = _api.Type == ApiType.WebSocket
            ? ExecuteApiArns.ForWebSocketRoute(_api, "$connect")
            : ExecuteApiArns.ForMethod(_api, request.Method, request.Path);
        var view = new RequestView(_api, request, match, arn, facts);
        var trace = new Trace { MethodArn = arn };
        var authorizer = match.Route.Authorizer is { } name ? _authorizers[name] : null;
        // ARN-4: over 1600 bytes on an authorization-enabled method → 414, the authorizer is not involved.
        if (authorizer is not null && Encoding.UTF8.GetByteCount(arn) > ExecuteApiArns.MaxMethodArnBytes)
            return Finish(trace, view, new Rejection(FailureCodes.UriTooLong, GatewayResponseType.RequestUriTooLong,
                "Request URI too long", $"method ARN is {Encoding.UTF8.GetByteCount(arn)} bytes; the limit is {ExecuteApiArns.MaxMethodArnBytes}"));
        PolicyEvaluation? resourcePolicy = null;
        if (_hasResourcePolicy)
        {
            // POL-11: the resource policy is checked for explicit denies before the authorizer is invoked.
            resourcePolicy = ResourcePolicy.Evaluate(_resourcePolicy, view);
            trace.ResourcePolicyDecision = resourcePolicy.Decision;
            // POL-11 (message): the resource policy's own 403 text, not the authorizer-Deny text.
            if (resourcePolicy.Decision == PolicyDecision.ExplicitDeny)
                return Finish(trace, view, new Rejection(FailureCodes.ResourcePolicyDeny, GatewayResponseType.AccessDenied,
                    ResourcePolicyMessage(arn, explicitDeny: true), "the API resource policy explicitly denies the call (pre-auth)"));
        }
        if (authorizer is null)
        {
            if (resourcePolicy is not null && resourcePolicy.Decision != PolicyDecision.Allow)
                return Finish(trace, view, new Rejection(FailureCodes.PolicyImplicitDeny, GatewayResponseType.AccessDenied,
                    ResourcePolicyMessage(arn, explicitDeny: false), "the API resource policy does not allow the call"));
            return Admit(trace, view, null);
        }
        return await AuthorizeAsync(view, authorizer, resourcePolicy, trace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POL-11 (message): the resource policy's denial text, the account masked unless the profile says otherwise.</summary>
    private string ResourcePolicyMessage(string arn, bool explicitDeny) =>
        ResourcePolicyDenial.Message(arn, explicitDeny, _api.Behavior.MaskAccountInResourcePolicyDenial);

    /// <summary>HTTP-9, CAC-5: empties the stage's authorizer result cache, as <c>ResetAuthorizersCache</c> (or a redeployment) does.</summary>
    public void ResetAuthorizersCache() => _cache.Clear();

    /// <summary>What the pipeline learned on the way, copied into the result.</summary>
    private sealed class Trace
    {
        public string? MethodArn { get; set; }
        public bool Invoked { get; set; }
        public bool CacheHit { get; set; }
        public byte[]? Event { get; set; }
        public PolicyDecision? Decision { get; set; }
        public IReadOnlyList<DecidingStatement> DecidingStatements { get; set; } = [];
        public PolicyDecision? ResourcePolicyDecision { get; set; }
        public AuthorizerOutput? Output { get; set; }
        public int? AuthorizerStatus { get; set; }
        public string? AuthorizerError { get; set; }
        public bool TimedOut { get; set; }
        public string? RequestId { get; set; }
        public IReadOnlyList<string> IdentityValues { get; set; } = [];
    }

    private GatewayResult Finish(Trace trace, RequestView? view, Rejection rejection)
    {
        var response = _responses.Render(rejection, view, trace.Output);
        return Result(trace, response) with
        {
            Failure = rejection.Failure,
            FailureDetail = rejection.Detail + response.Note,
            ResponseType = rejection.Type,
        };
    }

    private static GatewayResult Result(Trace trace, RenderedResponse response) => new()
    {
        Status = response.Status,
        Headers = response.Headers,
        Body = response.Body,
        AuthorizerInvoked = trace.Invoked,
        CacheHit = trace.CacheHit,
        MethodArn = trace.MethodArn,
        Event = trace.Event is null ? null : Encoding.UTF8.GetString(trace.Event),
        Decision = trace.Decision,
        DecidingStatements = trace.DecidingStatements,
        ResourcePolicyDecision = trace.ResourcePolicyDecision,
        IdentityValues = trace.IdentityValues,
        AuthorizerLogVariables = AuthorizerLogVariables.Of(trace.AuthorizerStatus, trace.AuthorizerError, trace.Invoked, trace.TimedOut, trace.RequestId),
    };
}
