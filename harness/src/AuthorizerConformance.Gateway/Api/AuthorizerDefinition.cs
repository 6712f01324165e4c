using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// One Lambda authorizer of the API, as configured in API Gateway (TOK-1..3, REQ-1..4, HTTP-1..5, CAC-1).
/// <see cref="Function"/> is the raw function description a function resolver turns into an <see cref="IAuthorizerFunction"/>.
/// </summary>
public sealed record AuthorizerDefinition
{
    /// <summary>The authorizer's name (its key in the scenario file).</summary>
    public required string Name { get; init; }

    /// <summary>TOKEN or REQUEST.</summary>
    public required AuthorizerType Type { get; init; }

    /// <summary>The identity sources in configured order; may be empty for REQUEST with TTL 0 (REQ-3).</summary>
    public IReadOnlyList<IdentitySource> IdentitySources { get; init; } = [];

    /// <summary>TOKEN only: the identity validation expression (TOK-2), or null.</summary>
    public Regex? IdentityValidationExpression { get; init; }

    /// <summary>The result cache TTL in seconds: 0 disables caching, at most 3600 (TOK-3, CAC-1).</summary>
    public int ResultTtlInSeconds { get; init; } = 300;

    /// <summary>HTTP: <c>1.0</c> or <c>2.0</c> (HTTP-1). REST and WebSocket use the 1.0-style event.</summary>
    public string PayloadFormatVersion { get; init; } = "1.0";

    /// <summary>HTTP payload 2.0: the authorizer returns <c>{"isAuthorized": bool}</c> (HTTP-5).</summary>
    public bool EnableSimpleResponses { get; init; }

    /// <summary>The authorizer timeout; null means the API type's default (HTTP-7: 10 s; REST: <see cref="GatewayBehavior.RestAuthorizerTimeoutSeconds"/>).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The function description (<c>{"kind": …}</c>) for the function resolver.</summary>
    public JsonElement Function { get; init; }
}
