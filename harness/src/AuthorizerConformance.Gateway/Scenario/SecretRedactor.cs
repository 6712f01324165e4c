using System.Text.RegularExpressions;

namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>
/// Keeps credentials out of printed output: the signature of anything shaped like a JWS compact token is replaced,
/// so header and payload stay readable but the token is no longer usable.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>What replaces a signature.</summary>
    public const string Marker = "REDACTED";

    /// <summary>Redacts every JWS-shaped token in <paramref name="text"/>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Jws().Replace(text, m => $"{m.Groups["signed"].Value}.{Marker}");
    }

    [GeneratedRegex(@"(?<signed>eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex Jws();
}
