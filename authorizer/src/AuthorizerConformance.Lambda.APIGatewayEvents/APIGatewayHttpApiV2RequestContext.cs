using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AuthorizerConformance.Lambda.APIGatewayEvents;

/// <summary>The <c>requestContext</c> of an HTTP API payload 2.0 event (HTTP-4). AWS may add keys.</summary>
public sealed record APIGatewayHttpApiV2RequestContext
{
    [JsonPropertyName("accountId")] public string? AccountId { get; init; }
    [JsonPropertyName("apiId")] public string? ApiId { get; init; }

    /// <summary>Mutual-TLS details (<c>clientCert</c>), kept as raw JSON.</summary>
    [JsonPropertyName("authentication")] public JsonObject? Authentication { get; init; }

    [JsonPropertyName("domainName")] public string? DomainName { get; init; }
    [JsonPropertyName("domainPrefix")] public string? DomainPrefix { get; init; }
    [JsonPropertyName("http")] public APIGatewayHttpApiV2HttpDescription? Http { get; init; }
    [JsonPropertyName("requestId")] public string? RequestId { get; init; }
    [JsonPropertyName("routeKey")] public string? RouteKey { get; init; }
    [JsonPropertyName("stage")] public string? Stage { get; init; }
    [JsonPropertyName("time")] public string? Time { get; init; }
    [JsonPropertyName("timeEpoch")] public long? TimeEpoch { get; init; }
}
