namespace AuthorizerConformance.Gateway;

/// <summary>What the result cache holds: a validated output, or (profile option CAC-7) an <c>Unauthorized</c> error.</summary>
internal abstract record CachedOutcome
{
    private CachedOutcome() { }

    /// <summary>A validated authorizer output, evaluated again on every hit (CAC-3).</summary>
    public sealed record Output(AuthorizerOutput Value) : CachedOutcome;

    /// <summary>The function failed with <c>Unauthorized</c>; cached only with <see cref="GatewayBehavior.CacheUnauthorized"/>.</summary>
    public sealed record Unauthorized : CachedOutcome;
}
