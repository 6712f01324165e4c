using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

public sealed partial class ApiGateway
{
    private const string UnauthorizedMessage = "Unauthorized";

    private async ValueTask<GatewayResult> AuthorizeAsync(
        RequestView view, ActiveAuthorizer authorizer, PolicyEvaluation? resourcePolicy, Trace trace, CancellationToken cancellationToken)
    {
        var definition = authorizer.Definition;
        IReadOnlyList<string> identity = [];
        if (IdentityStage.MustValidate(_api, definition))
        {
            // TOK-6, REQ-2, HTTP-2, WS-4: a missing or empty source → 401, the authorizer is not invoked.
            var extracted = IdentityStage.Extract(_api, definition, view, out var missing);
            if (extracted is null)
                return FinishByAuthorizer(trace, view, new Rejection(FailureCodes.IdentitySourceMissing, GatewayResponseType.Unauthorized,
                    UnauthorizedMessage, $"identity source {missing} is missing or empty"));
            identity = extracted;
            trace.IdentityValues = extracted;
        }
        // TOK-7, TOK-9: the validation expression runs before the cache and the authorizer.
        // Issue 16 defect 6 (local decision): a timeout is a failed validation, 401 with its own code.
        var validation = definition.Type == AuthorizerType.Token
            ? ValidationExpressionStage.Check(authorizer, identity[0], _api.Behavior.ValidationExpressionMatch) : ValidationOutcome.Passed;
        switch (validation)
        {
            case ValidationOutcome.Passed:
                break;
            case ValidationOutcome.Failed:
                return FinishByAuthorizer(trace, view, new Rejection(FailureCodes.ValidationExpressionMismatch, GatewayResponseType.Unauthorized,
                    UnauthorizedMessage, "the token does not match the identity validation expression"));
            case ValidationOutcome.TimedOut:
                return FinishByAuthorizer(trace, view, new Rejection(FailureCodes.ValidationExpressionTimeout, GatewayResponseType.Unauthorized,
                    UnauthorizedMessage, $"the identity validation expression ran out of time ({authorizer.Definition.IdentityValidationExpression!.MatchTimeout.TotalMilliseconds:0} ms) on the token; a timeout fails validation"));
            default:
                throw new InvalidOperationException($"Unknown validation outcome {validation}.");
        }

        // CAC-1, CAC-2, CAC-8: TTL 0 disables the cache; the key is the identity values.
        var key = definition.ResultTtlInSeconds > 0 ? AuthorizerResultCache.Key(definition.Name, identity) : null;
        AuthorizerOutput? output;
        switch (key is null ? null : _cache.Get(key, _api.Behavior.CacheExpirySlidesOnHit))
        {
            case CachedOutcome.Output hit:
                trace.CacheHit = true;
                output = hit.Value;
                break;
            case CachedOutcome.Unauthorized:
                trace.CacheHit = true;
                return FinishByAuthorizer(trace, view, new Rejection(FailureCodes.AuthorizerUnauthorized, GatewayResponseType.Unauthorized,
                    UnauthorizedMessage, "a cached Unauthorized error (CAC-7 profile option)"));
            case null:
                var (invoked, rejection) = await InvokeAsync(view, authorizer, identity, key, trace, cancellationToken).ConfigureAwait(false);
                if (rejection is not null)
                    return FinishByAuthorizer(trace, view, rejection);
                output = invoked!;
                break;
            default:
                throw new InvalidOperationException("Unknown cached outcome.");
        }
        trace.Output = output;
        var denial = Decide(view, output, resourcePolicy, trace);
        return denial is null ? AdmitByAuthorizer(trace, view, output) : FinishByAuthorizer(trace, view, denial);
    }

    /// <summary>Stage 4, invoke, and stage 5, output validation; a valid output is cached (CAC-3), failures are not (CAC-7).</summary>
    private async ValueTask<(AuthorizerOutput? Output, Rejection? Rejection)> InvokeAsync(
        RequestView view, ActiveAuthorizer authorizer, IReadOnlyList<string> identity, string? key, Trace trace, CancellationToken cancellationToken)
    {
        var definition = authorizer.Definition;
        var eventJson = BuildEvent(view, authorizer, identity);
        trace.Invoked = true;
        trace.Event = eventJson;
        var invocation = await authorizer.Function.InvokeAsync(eventJson, authorizer.Timeout, cancellationToken).ConfigureAwait(false);
        var failureType = _api.Behavior.FunctionErrorsUseAuthorizerFailure ? GatewayResponseType.AuthorizerFailure : GatewayResponseType.AuthorizerConfigurationError;
        switch (invocation)
        {
            case AuthorizerInvocation.Returned returned:
                var simple = authorizer.IsPayload2(_api) && definition.EnableSimpleResponses;
                var output = _outputs.Validate(returned.ResponseJson, simple, out var failure);
                if (output is null)
                    return (null, new Rejection(failure!.Code, failureType, null, failure.Detail));
                if (key is not null)
                    _cache.Put(key, new CachedOutcome.Output(output), definition.ResultTtlInSeconds);
                return (output, null);
            case AuthorizerInvocation.FunctionError error when IsUnauthorized(error.Message):
                // HTTP-7 (L): an HTTP API may answer 500 instead of 401; the profile decides.
                if (_api.Type == ApiType.Http && !_api.Behavior.HttpUnauthorizedErrorGives401)
                    return (null, new Rejection(FailureCodes.AuthorizerError, failureType, null, "the function failed with Unauthorized (HTTP-7 profile: 500)"));
                // CAC-7 (L): 401s are not cached unless the profile says so.
                if (key is not null && _api.Behavior.CacheUnauthorized)
                    _cache.Put(key, new CachedOutcome.Unauthorized(), definition.ResultTtlInSeconds);
                // UNA-1: exactly "Unauthorized" → 401.
                return (null, new Rejection(FailureCodes.AuthorizerUnauthorized, GatewayResponseType.Unauthorized, UnauthorizedMessage,
                    "the function failed with Unauthorized"));
            case AuthorizerInvocation.FunctionError error:
                // UNA-2: any other error → 500 {"message":null}.
                return (null, new Rejection(FailureCodes.AuthorizerError, failureType, null,
                    $"the function failed with {error.Type}: {error.Message}"));
            case AuthorizerInvocation.TimedOut timedOut:
                // TOK-12, HTTP-7: a timeout → 500.
                return (null, new Rejection(FailureCodes.AuthorizerTimeout, failureType, null,
                    $"the function did not answer within {timedOut.Timeout.TotalSeconds:0.###} s"));
            default:
                throw new InvalidOperationException($"Unknown invocation outcome {invocation}.");
        }
    }

    /// <summary>UNA-1, UNA-3: the match is on the exact message ("Unauthorized: detail" is a 500); case per profile.</summary>
    private bool IsUnauthorized(string message) => string.Equals(message, UnauthorizedMessage,
        _api.Behavior.UnauthorizedMatchIgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private byte[] BuildEvent(RequestView view, ActiveAuthorizer authorizer, IReadOnlyList<string> identity)
    {
        if (authorizer.Definition.Type == AuthorizerType.Token)
            return TokenEvent.Write(identity[0], view.Arn);
        if (authorizer.IsPayload2(_api))
            return HttpV2Event.Write(_api, view, identity);
        return RequestEvent.Write(_api, view, identity, apiKey: null);
    }

    /// <summary>Stage 6: a simple verdict (HTTP-5) or the policy against this request's ARN (POL-1, CAC-3), combined with the resource policy (POL-11).</summary>
    private Rejection? Decide(RequestView view, AuthorizerOutput output, PolicyEvaluation? resourcePolicy, Trace trace)
    {
        if (output.IsAuthorized is { } authorized)
        {
            // CAC-6: a cached simple verdict applies to every route for those identity values.
            return authorized ? null : new Rejection(FailureCodes.SimpleResponseDenied, GatewayResponseType.AccessDenied,
                Rejection.ImplicitDenyMessage, "the simple response said isAuthorized: false");
        }
        var evaluation = PolicyStage.Evaluate(output.Policy!, view.Arn, view);
        trace.Decision = evaluation.Decision;
        trace.DecidingStatements = evaluation.DecidingStatements;
        var final = resourcePolicy is null ? evaluation.Decision : ResourcePolicy.Combine(resourcePolicy.Decision, evaluation.Decision);
        return final switch
        {
            PolicyDecision.Allow => null,
            PolicyDecision.ExplicitDeny => new Rejection(FailureCodes.PolicyExplicitDeny, GatewayResponseType.AccessDenied,
                Rejection.ExplicitDenyMessage, "a Deny statement matches " + view.Arn),
            PolicyDecision.ImplicitDeny => new Rejection(FailureCodes.PolicyImplicitDeny, GatewayResponseType.AccessDenied,
                // POL-11 (message, L): Table A "Neither + Neither" with an authorizer: the authorizer's text unless the profile says otherwise.
                resourcePolicy is not null && _api.Behavior.NeitherDenialMessage == NeitherDenialMessage.ResourcePolicy
                    ? ResourcePolicyMessage(view.Arn, explicitDeny: false)
                    : Rejection.ImplicitDenyMessage,
                resourcePolicy is null ? "no statement allows " + view.Arn : "neither the authorizer's policy nor the resource policy allows " + view.Arn),
            PolicyDecision.Invalid => new Rejection(FailureCodes.AuthorizerOutputInvalid, GatewayResponseType.AuthorizerConfigurationError,
                null, "the policy could not be evaluated"),
            _ => throw new InvalidOperationException($"Unknown decision {final}."),
        };
    }
}
