namespace AuthorizerConformance.Gateway;

/// <summary>
/// A per-API gateway response customisation (GWR-1): a status code, static headers and a body template that may
/// use <c>$context.error.messageString</c>, <c>$context.error.message</c> and <c>$context.authorizer.*</c>.
/// Null members keep the default.
/// </summary>
public sealed record GatewayResponseCustomization
{
    /// <summary>The status code, or null for the type's default.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Headers added to (or replacing) the default ones.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The body template, or null for the default body.</summary>
    public string? Template { get; init; }
}
