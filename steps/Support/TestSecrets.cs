using System.Security.Cryptography;

namespace AuthorizerConformance.Steps.Support;

/// <summary>Keys generated when the test run starts: nothing secret is committed, and nothing here is printed.</summary>
public static class TestSecrets
{
    /// <summary>The reference authorizer's HS256 secret for this run (32 random bytes, base64).</summary>
    public static string AuthorizerSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A different secret, for tokens the authorizer must refuse.</summary>
    public static string OtherSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
