using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>One key ring per test run: RSA key generation is the slow part, so it happens once.</summary>
internal static class SharedKeys
{
    public static TestKeyRing Ring { get; } = new();

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const string Issuer = "https://issuer.conformance.test/";
    public const string Audience = "conformance-api";
}
