using System.Text.Json.Serialization;

namespace AuthorizerConformance.Aws.APIGateway.Model;

/// <summary>One page of GetRestApis: the list member is <c>item</c> (not <c>items</c>); <c>position</c> pages on.</summary>
public sealed record RestApis
{
    /// <summary>The APIs of this page.</summary>
    [JsonPropertyName("item")] public IReadOnlyList<RestApi>? Items { get; init; }

    /// <summary>The next page's position, or null on the last page.</summary>
    [JsonPropertyName("position")] public string? Position { get; init; }
}
