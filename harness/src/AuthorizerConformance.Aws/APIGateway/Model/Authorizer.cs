using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>An authorizer of a REST API as GetAuthorizer(s) describe it (apigateway-2015-07-09 <c>Authorizer</c>).</summary>
public sealed record Authorizer
{
    /// <summary>The authorizer id.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>Its name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary><c>TOKEN</c>, <c>REQUEST</c> or <c>COGNITO_USER_POOLS</c>.</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>Cognito user pool ARNs (Cognito only).</summary>
    [JsonPropertyName("providerARNs")] public IReadOnlyList<string>? ProviderARNs { get; init; }

    /// <summary>Optional customer-defined field.</summary>
    [JsonPropertyName("authType")] public string? AuthType { get; init; }

    /// <summary>The Lambda invocation URI.</summary>
    [JsonPropertyName("authorizerUri")] public string? AuthorizerUri { get; init; }

    /// <summary>The role API Gateway assumes to invoke the function, if any.</summary>
    [JsonPropertyName("authorizerCredentials")] public string? AuthorizerCredentials { get; init; }

    /// <summary>E.g. <c>method.request.header.Authorization</c>; comma-separated for REQUEST.</summary>
    [JsonPropertyName("identitySource")] public string? IdentitySource { get; init; }

    /// <summary>TOKEN only: the validation regular expression.</summary>
    [JsonPropertyName("identityValidationExpression")] public string? IdentityValidationExpression { get; init; }

    /// <summary>The result TTL; 0 disables caching; absent means 300.</summary>
    [JsonPropertyName("authorizerResultTtlInSeconds")] public int? AuthorizerResultTtlInSeconds { get; init; }
}
