namespace AuthorizerConformance.Gateway;

/// <summary>A response as the client receives it.</summary>
internal sealed record RenderedResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body, string? Note = null);
