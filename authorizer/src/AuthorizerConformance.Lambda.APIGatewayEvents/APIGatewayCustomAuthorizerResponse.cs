using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AuthorizerConformance.Lambda.APIGatewayEvents;

/// <summary>
/// What a REST (or HTTP API IAM-mode, or WebSocket) Lambda authorizer returns (spec A.4). Member names are
/// case-sensitive on the wire (OUT-4), hence the explicit <see cref="JsonPropertyNameAttribute"/>s.
/// </summary>
public sealed record APIGatewayCustomAuthorizerResponse
{
    [JsonPropertyName("principalId")] public string? PrincipalId { get; init; }

    [JsonPropertyName("policyDocument")] public required APIGatewayCustomAuthorizerPolicy PolicyDocument { get; init; }

    /// <summary>Values must be strings, numbers or booleans for REST (OUT-5).</summary>
    [JsonPropertyName("context")] public JsonObject? Context { get; init; }

    [JsonPropertyName("usageIdentifierKey")] public string? UsageIdentifierKey { get; init; }
}

/// <summary>An IAM policy document as authorizers return it.</summary>
public sealed record APIGatewayCustomAuthorizerPolicy
{
    [JsonPropertyName("Version")] public string Version { get; init; } = "2012-10-17";

    [JsonPropertyName("Statement")] public required IReadOnlyList<IAMPolicyStatement> Statement { get; init; }
}

/// <summary>One statement of an authorizer policy.</summary>
public sealed record IAMPolicyStatement
{
    [JsonPropertyName("Sid")] public string? Sid { get; init; }

    /// <summary><c>Allow</c> or <c>Deny</c>, exactly.</summary>
    [JsonPropertyName("Effect")] public required string Effect { get; init; }

    [JsonPropertyName("Action")] public required IReadOnlyList<string> Action { get; init; }

    [JsonPropertyName("Resource")] public required IReadOnlyList<string> Resource { get; init; }
}
