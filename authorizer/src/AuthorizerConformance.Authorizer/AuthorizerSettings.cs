using System.Text;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Configuration read from environment variables, as in Lambda. <c>AUTH_TOKEN_SALT</c> (an HS256 secret)
/// alone is a complete configuration.
/// </summary>
public sealed record AuthorizerSettings
{
    /// <summary>The environment variable holding the HS256 shared secret.</summary>
    public const string SecretVariable = "AUTH_TOKEN_SALT";

    /// <summary>HS256 needs a key of at least 256 bits (RFC 7518 §3.2); shorter secrets are refused as misconfiguration.</summary>
    public const int MinimumSecretBytes = 32;

    private AuthorizerSettings(byte[] secret) => Secret = secret;

    /// <summary>The HS256 secret as UTF-8 bytes. Never logged.</summary>
    public byte[] Secret { get; }

    /// <summary>Reads the settings; a missing or too-short secret is an <see cref="AuthorizerConfigurationException"/>.</summary>
    public static AuthorizerSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var secret = getVariable(SecretVariable);
        if (string.IsNullOrEmpty(secret))
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {SecretVariable} is not set.");
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < MinimumSecretBytes)
            throw new AuthorizerConfigurationException(
                $"Authorizer misconfigured: {SecretVariable} has {bytes.Length} bytes; HS256 needs at least {MinimumSecretBytes}.");
        return new AuthorizerSettings(bytes);
    }
}
