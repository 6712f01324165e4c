using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AuthorizerConformance.Lambda.APIGatewayEvents;

/// <summary>
/// An HTTP API payload 2.0 IAM-policy response (simple responses off; spec HTTP-5): the REST structure, evaluated
/// against <c>routeArn</c>.
/// </summary>
public sealed record APIGatewayCustomAuthorizerV2IamResponse
{
    [JsonPropertyName("principalId")] public string? PrincipalId { get; init; }

    [JsonPropertyName("policyDocument")] public required APIGatewayCustomAuthorizerPolicy PolicyDocument { get; init; }

    [JsonPropertyName("context")] public JsonObject? Context { get; init; }
}
