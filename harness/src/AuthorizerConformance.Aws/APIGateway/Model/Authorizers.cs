using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>One page of GetAuthorizers: the list member is <c>item</c>; <c>position</c> pages on.</summary>
public sealed record Authorizers
{
    /// <summary>The authorizers of this page.</summary>
    [JsonPropertyName("item")] public IReadOnlyList<Authorizer>? Items { get; init; }

    /// <summary>The next page's position, or null on the last page.</summary>
    [JsonPropertyName("position")] public string? Position { get; init; }
}
