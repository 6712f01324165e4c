namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// What a target lets a scenario see of a request beyond the client's answer (status, headers, body). Every local
/// target sees all of it through the emulated gateway; a deployed authorizer does not
/// (<see cref="IConformanceTarget.CannotObserve"/>). An expectation about something the target cannot see skips the
/// scenario with the reason; it never passes it. Unlike <see cref="TargetCapability"/> (which decides before a scenario
/// runs, from its <c>@needs:</c> tags), this is asked by the expectation that needs it.
/// </summary>
public static class TargetObservation
{
    /// <summary>The gateway's own account of a request: the stable failure code, the policy decision and the deciding
    /// statements, the resource policy's decision, the method ARN.</summary>
    public const string GatewayDecision = "gateway-decision";

    /// <summary>Whether the authorizer was invoked for a request.</summary>
    public const string AuthorizerCalls = "authorizer-calls";

    /// <summary>The stage's result cache: whether a result came from it, and so how often the authorizer ran in all.</summary>
    public const string Cache = "cache";

    /// <summary>The event the authorizer received.</summary>
    public const string AuthorizerEvent = "authorizer-event";

    /// <summary>What the backend receives: the request context, the authorizer's principal and context.</summary>
    public const string BackendRequest = "backend-request";

    /// <summary>What the authorizer returned (its raw output, for the output lint).</summary>
    public const string AuthorizerOutput = "authorizer-output";

    /// <summary>What the authorizer logged.</summary>
    public const string AuthorizerLog = "authorizer-log";

    /// <summary>Every observation name.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        GatewayDecision, AuthorizerCalls, Cache, AuthorizerEvent, AuthorizerOutput, BackendRequest, AuthorizerLog,
    };
}
