using System.Text.Json.Serialization;

namespace AuthorizerConformance.Lambda.APIGatewayEvents;

/// <summary>The <c>requestContext</c> of a REQUEST authorizer event (REQ-5, WS-3). AWS may add keys.</summary>
public sealed record APIGatewayCustomAuthorizerRequestContext
{
    [JsonPropertyName("path")] public string? Path { get; init; }
    [JsonPropertyName("accountId")] public string? AccountId { get; init; }
    [JsonPropertyName("resourceId")] public string? ResourceId { get; init; }
    [JsonPropertyName("stage")] public string? Stage { get; init; }
    [JsonPropertyName("requestId")] public string? RequestId { get; init; }
    [JsonPropertyName("resourcePath")] public string? ResourcePath { get; init; }
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; init; }
    [JsonPropertyName("apiId")] public string? ApiId { get; init; }
    [JsonPropertyName("identity")] public APIGatewayRequestIdentity? Identity { get; init; }

    /// <summary>WebSocket: <c>$connect</c>.</summary>
    [JsonPropertyName("routeKey")] public string? RouteKey { get; init; }

    /// <summary>WebSocket: <c>CONNECT</c>.</summary>
    [JsonPropertyName("eventType")] public string? EventType { get; init; }

    [JsonPropertyName("connectionId")] public string? ConnectionId { get; init; }
    [JsonPropertyName("domainName")] public string? DomainName { get; init; }

    /// <summary>WebSocket: when the connection was accepted, epoch milliseconds (WS-3).</summary>
    [JsonPropertyName("connectedAt")] public long? ConnectedAt { get; init; }

    /// <summary>WebSocket: <c>IN</c> (WS-3).</summary>
    [JsonPropertyName("messageDirection")] public string? MessageDirection { get; init; }

    [JsonPropertyName("extendedRequestId")] public string? ExtendedRequestId { get; init; }

    /// <summary>The request time as API Gateway formats it, e.g. <c>09/Feb/2024:10:00:00 +0000</c>.</summary>
    [JsonPropertyName("requestTime")] public string? RequestTime { get; init; }

    /// <summary>The request time, epoch milliseconds.</summary>
    [JsonPropertyName("requestTimeEpoch")] public long? RequestTimeEpoch { get; init; }
}

/// <summary>The caller identity inside a request context.</summary>
public sealed record APIGatewayRequestIdentity
{
    [JsonPropertyName("apiKey")] public string? ApiKey { get; init; }
    [JsonPropertyName("sourceIp")] public string? SourceIp { get; init; }
    [JsonPropertyName("userAgent")] public string? UserAgent { get; init; }
}
