using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AuthorizerConformance.Lambda.APIGatewayEvents;

/// <summary>
/// An HTTP API payload 2.0 <em>simple</em> response (only with <c>enableSimpleResponses</c>; spec HTTP-5):
/// <c>{"isAuthorized": true|false, "context": {...}}</c>. <c>isAuthorized</c> is always written as a JSON boolean.
/// </summary>
public sealed record APIGatewayCustomAuthorizerV2SimpleResponse
{
    [JsonPropertyName("isAuthorized")] public required bool IsAuthorized { get; init; }

    /// <summary>HTTP API context values may be any JSON type (HTTP-6); they reach the integration under <c>authorizer.lambda</c> (CTX-4).</summary>
    [JsonPropertyName("context")] public JsonObject? Context { get; init; }
}
