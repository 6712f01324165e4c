using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>
/// The body of <c>POST /restapis/{restApiId}/authorizers/{authorizerId}</c> (TestInvokeAuthorizer, TIA-1). Every
/// member is optional; the token or identity sources go in <see cref="Headers"/>/<see cref="MultiValueHeaders"/>.
/// The ids travel in the URI only.
/// </summary>
public sealed record TestInvokeAuthorizerRequest
{
    /// <summary>The REST API id (URI only, never serialized; must not be empty).</summary>
    [JsonIgnore] public string RestApiId { get; init; } = "";

    /// <summary>The authorizer id (URI only, never serialized; must not be empty).</summary>
    [JsonIgnore] public string AuthorizerId { get; init; } = "";

    /// <summary>Request headers; holds the token for a TOKEN authorizer.</summary>
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Repeated headers.</summary>
    [JsonPropertyName("multiValueHeaders")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueHeaders { get; init; }

    /// <summary>The path and query, e.g. <c>/pets?x=1</c>.</summary>
    [JsonPropertyName("pathWithQueryString")] public string? PathWithQueryString { get; init; }

    /// <summary>The request body.</summary>
    [JsonPropertyName("body")] public string? Body { get; init; }

    /// <summary>Stage variables (a test invoke is tied to no stage: pass them, e.g. from GetStage).</summary>
    [JsonPropertyName("stageVariables")] public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    /// <summary>Additional <c>$context</c> values.</summary>
    [JsonPropertyName("additionalContext")] public IReadOnlyDictionary<string, string>? AdditionalContext { get; init; }
}
