using System.Text.Json.Serialization;

namespace AuthorizerConformance.Lambda.APIGatewayEvents;

/// <summary>
/// The event an HTTP API sends to a Lambda authorizer with payload format 2.0 (spec HTTP-4). Member names follow
/// Amazon.Lambda.APIGatewayEvents' <c>APIGatewayCustomAuthorizerV2Request</c>. Header names arrive lower-cased;
/// repeated headers and query keys are comma-joined; there is no body.
/// </summary>
public sealed record APIGatewayCustomAuthorizerV2Request
{
    /// <summary><c>2.0</c>.</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }

    /// <summary><c>REQUEST</c> (HTTP-1: the only type).</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>The execute-api ARN of the route called, same format as a method ARN (ARN-7).</summary>
    [JsonPropertyName("routeArn")] public string? RouteArn { get; init; }

    /// <summary>The identity values in configured order (HTTP-4).</summary>
    [JsonPropertyName("identitySource")] public IReadOnlyList<string>? IdentitySource { get; init; }

    [JsonPropertyName("routeKey")] public string? RouteKey { get; init; }
    [JsonPropertyName("rawPath")] public string? RawPath { get; init; }
    [JsonPropertyName("rawQueryString")] public string? RawQueryString { get; init; }
    [JsonPropertyName("cookies")] public IReadOnlyList<string>? Cookies { get; init; }
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string>? Headers { get; init; }
    [JsonPropertyName("queryStringParameters")] public IReadOnlyDictionary<string, string>? QueryStringParameters { get; init; }
    [JsonPropertyName("requestContext")] public APIGatewayHttpApiV2RequestContext? RequestContext { get; init; }
    [JsonPropertyName("pathParameters")] public IReadOnlyDictionary<string, string>? PathParameters { get; init; }
    [JsonPropertyName("stageVariables")] public IReadOnlyDictionary<string, string>? StageVariables { get; init; }
}
