namespace AuthorizerConformance.Harness.Tokens;

/// <summary>The named defaults every minted token starts from; a case states only what differs (STYLE 3).</summary>
public sealed record TokenDefaults
{
    public string Issuer { get; init; } = "https://issuer.conformance.test/";
    public string Audience { get; init; } = "conformance-api";
    public string Subject { get; init; } = "user-123";
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    public static TokenDefaults Standard { get; } = new();
}
