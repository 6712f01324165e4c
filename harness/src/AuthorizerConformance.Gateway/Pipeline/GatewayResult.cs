using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// What the client sees and what happened on the way: status, headers, body, whether the authorizer ran and what
/// it received, the policy decisions, a stable failure code, and what the integration receives.
/// </summary>
public sealed record GatewayResult
{
    /// <summary>The HTTP status (101 for an accepted WebSocket handshake).</summary>
    public required int Status { get; init; }

    /// <summary>The response headers, names to values.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The response body.</summary>
    public string Body { get; init; } = "";

    /// <summary>Whether the authorizer function was invoked for this request.</summary>
    public bool AuthorizerInvoked { get; init; }

    /// <summary>Whether the authorizer output came from the result cache.</summary>
    public bool CacheHit { get; init; }

    /// <summary>The method ARN (the route ARN for HTTP payload 2.0), or null when no route matched.</summary>
    public string? MethodArn { get; init; }

    /// <summary>The event JSON the authorizer received, or null when it was not invoked.</summary>
    public string? Event { get; init; }

    /// <summary>The authorizer policy's decision; null for simple responses and when no policy was evaluated.</summary>
    public PolicyDecision? Decision { get; init; }

    /// <summary>The statements that decided <see cref="Decision"/>.</summary>
    public IReadOnlyList<DecidingStatement> DecidingStatements { get; init; } = [];

    /// <summary>The API resource policy's decision, when the API has one and it was evaluated.</summary>
    public PolicyDecision? ResourcePolicyDecision { get; init; }

    /// <summary>A stable failure code (<see cref="FailureCodes"/>), or null on success.</summary>
    public string? Failure { get; init; }

    /// <summary>A message for people explaining the failure (never contains a token), or null.</summary>
    public string? FailureDetail { get; init; }

    /// <summary>The gateway response type that produced the response, or null.</summary>
    public GatewayResponseType? ResponseType { get; init; }

    /// <summary>
    /// CTX-6: the <c>$context.authorizer.*</c> logging variables (status, error, latency, integrationLatency,
    /// integrationStatus, requestId) for a request the authorizer stage handled; empty otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuthorizerLogVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The identity-source values read for this request (the credentials the run saw): never printed, kept so every
    /// printed form of the result can be redacted by value (<see cref="Redaction"/>).
    /// </summary>
    public IReadOnlyList<string> IdentityValues { get; init; } = [];

    /// <summary>What the backend integration receives.</summary>
    public IntegrationResult Integration { get; init; } = IntegrationResult.NotInvoked;
}
