using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>
/// What TestInvokeAuthorizer answers (TIA-2), as sent: <see cref="ClientStatus"/> is 0 (or 200, TIA-3) when the
/// authorizer succeeded, <see cref="Policy"/> is the returned policy document <em>as a string</em>. A 200 HTTP
/// answer only means the test ran; allow or deny is in these members.
/// </summary>
public sealed record TestInvokeAuthorizerResponse
{
    /// <summary>The HTTP status the client would have received; 0 when the authorizer succeeded.</summary>
    [JsonPropertyName("clientStatus")] public int ClientStatus { get; init; }

    /// <summary>API Gateway's execution log of the test.</summary>
    [JsonPropertyName("log")] public string? Log { get; init; }

    /// <summary>Milliseconds the test took.</summary>
    [JsonPropertyName("latency")] public long Latency { get; init; }

    /// <summary>The principal the authorizer returned.</summary>
    [JsonPropertyName("principalId")] public string? PrincipalId { get; init; }

    /// <summary>The returned policy document, serialized as JSON text.</summary>
    [JsonPropertyName("policy")] public string? Policy { get; init; }

    /// <summary>Undocumented for Lambda authorizers (TIA-7).</summary>
    [JsonPropertyName("authorization")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? Authorization { get; init; }

    /// <summary>Cognito claims (Cognito authorizers only).</summary>
    [JsonPropertyName("claims")] public IReadOnlyDictionary<string, string>? Claims { get; init; }
}
