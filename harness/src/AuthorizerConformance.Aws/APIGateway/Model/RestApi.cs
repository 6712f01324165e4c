using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>A REST API as GetRestApis lists it (the members the harness uses).</summary>
public sealed record RestApi
{
    /// <summary>The API id (the <c>{apiId}</c> of invoke URLs and ARNs).</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>Its name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Its description.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }

    /// <summary>Where API keys come from: <c>HEADER</c> or <c>AUTHORIZER</c>.</summary>
    [JsonPropertyName("apiKeySource")] public string? ApiKeySource { get; init; }

    /// <summary>The resource policy, as JSON text.</summary>
    [JsonPropertyName("policy")] public string? Policy { get; init; }
}
