using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>An error answer's body: <c>message</c> (API Gateway) or <c>Message</c> (the AWS auth layer), and
/// <c>__type</c> where the <c>x-amzn-ErrorType</c> header is absent.</summary>
internal sealed record ErrorBody
{
    [JsonPropertyName("message")] public string? LowerMessage { get; init; }

    [JsonPropertyName("Message")] public string? UpperMessage { get; init; }

    [JsonPropertyName("__type")] public string? Type { get; init; }
}
