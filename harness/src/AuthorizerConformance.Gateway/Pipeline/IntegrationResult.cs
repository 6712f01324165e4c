namespace AuthorizerConformance.Gateway;

/// <summary>Whether the integration was reached and the <c>requestContext</c> JSON it receives (CTX-1..5).</summary>
public sealed record IntegrationResult(bool Invoked, string? RequestContext)
{
    /// <summary>The integration was not reached: a denied request never reaches it.</summary>
    public static IntegrationResult NotInvoked { get; } = new(false, null);
}
