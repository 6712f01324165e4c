namespace AuthorizerConformance.Gateway;

/// <summary>
/// A request the gateway refuses: the failure code, the gateway response type, the <c>$context.error.message</c>
/// (null for configuration errors, GWR-2) and a detail for people.
/// </summary>
internal sealed record Rejection(string Failure, GatewayResponseType Type, string? Message, string Detail)
{
    public const string ExplicitDenyMessage = "User is not authorized to access this resource with an explicit deny";
    public const string ImplicitDenyMessage = "User is not authorized to access this resource";
}
