namespace AuthorizerConformance.Gateway;

/// <summary>
/// One route of the API. REST and HTTP routes have a <see cref="Method"/> (or <c>ANY</c>) and a
/// <see cref="Resource"/> template such as <c>/pets/{id}</c> or <c>/{proxy+}</c>; an HTTP <c>$default</c>
/// route and the WebSocket <c>$connect</c> route have only a <see cref="RouteKey"/>.
/// </summary>
public sealed record RouteDefinition
{
    /// <summary>The HTTP verb, upper case, or <c>ANY</c>; null for <c>$default</c> and <c>$connect</c>.</summary>
    public string? Method { get; init; }

    /// <summary>The resource template, starting with <c>/</c>; null for <c>$default</c> and <c>$connect</c>.</summary>
    public string? Resource { get; init; }

    /// <summary>The route key: <c>GET /pets/{id}</c>, <c>$default</c> or <c>$connect</c>.</summary>
    public required string RouteKey { get; init; }

    /// <summary>The name of the authorizer protecting the route, or null for none.</summary>
    public string? Authorizer { get; init; }

    /// <summary>REST: the method requires an API key from the stage's usage plan.</summary>
    public bool ApiKeyRequired { get; init; }

    /// <summary>HTTP: the integration's payload format, <c>1.0</c> or <c>2.0</c> (default); it decides where the context lands.</summary>
    public string IntegrationPayloadFormatVersion { get; init; } = "2.0";
}
