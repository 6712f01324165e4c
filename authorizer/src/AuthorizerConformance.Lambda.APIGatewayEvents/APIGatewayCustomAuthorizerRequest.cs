using System.Text.Json.Serialization;

namespace AuthorizerConformance.Lambda.APIGatewayEvents;

/// <summary>
/// The event a REST API (and an HTTP API with payload 1.0, and a WebSocket <c>$connect</c>) sends to a Lambda
/// authorizer. A TOKEN event carries only <see cref="Type"/>, <see cref="AuthorizationToken"/> and
/// <see cref="MethodArn"/> (spec TOK-11); a REQUEST event carries the request parts (REQ-5).
/// </summary>
public sealed record APIGatewayCustomAuthorizerRequest
{
    /// <summary><c>TOKEN</c> or <c>REQUEST</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>TOKEN: the raw value of the token header, nothing stripped (TOK-5).</summary>
    [JsonPropertyName("authorizationToken")] public string? AuthorizationToken { get; init; }

    /// <summary>The execute-api ARN of the method called, built from the actual path (ARN-1..3).</summary>
    [JsonPropertyName("methodArn")] public string? MethodArn { get; init; }

    /// <summary>HTTP API payload 1.0: the payload format version.</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }

    /// <summary>HTTP API payload 1.0: the identity values joined by commas.</summary>
    [JsonPropertyName("identitySource")] public string? IdentitySource { get; init; }

    /// <summary>REQUEST: the resource template, e.g. <c>/pets/{id}</c>.</summary>
    [JsonPropertyName("resource")] public string? Resource { get; init; }

    /// <summary>REQUEST: the actual request path.</summary>
    [JsonPropertyName("path")] public string? Path { get; init; }

    /// <summary>REQUEST: the HTTP method.</summary>
    [JsonPropertyName("httpMethod")] public string? HttpMethod { get; init; }

    /// <summary>REQUEST: the request headers, client casing kept.</summary>
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>REQUEST: every value of every header.</summary>
    [JsonPropertyName("multiValueHeaders")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueHeaders { get; init; }

    /// <summary>REQUEST: the query string, last value of each name.</summary>
    [JsonPropertyName("queryStringParameters")] public IReadOnlyDictionary<string, string>? QueryStringParameters { get; init; }

    /// <summary>REQUEST: every value of every query-string name.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueQueryStringParameters { get; init; }

    /// <summary>REQUEST: path parameter values.</summary>
    [JsonPropertyName("pathParameters")] public IReadOnlyDictionary<string, string>? PathParameters { get; init; }

    /// <summary>REQUEST: the stage variables.</summary>
    [JsonPropertyName("stageVariables")] public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    /// <summary>REQUEST: the request context.</summary>
    [JsonPropertyName("requestContext")] public APIGatewayCustomAuthorizerRequestContext? RequestContext { get; init; }
}
