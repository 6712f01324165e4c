using System.Globalization;

namespace AuthorizerConformance.Authorizer;

public sealed partial record AuthorizerSettings
{
    private static IReadOnlyList<string> SplitList(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int ParseInt(string? text, string name, int fallback, int min, int max)
    {
        if (text is null)
            return fallback;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {name} must be a whole number from {min} to {max}.");
        return value;
    }

    private static Uri? ParseUrl(string? text, string name)
    {
        if (text is null)
            return null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {name} is not an absolute URL.");
        // Keys fetched over plain HTTP could be swapped in transit; only loopback (tests, local IdPs) may use it.
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {name} must be an https URL (http only for loopback).");
        return uri;
    }

    private static ContextNesting ParseNesting(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "JSON" => ContextNesting.Json,
        "DROP" => ContextNesting.Drop,
        _ => throw new AuthorizerConfigurationException($"Authorizer misconfigured: {EnvironmentVariables.ContextNested} must be 'json' or 'drop'."),
    };

    // A key's type fixes its algorithms (RFC 8725 §3.1): HS* only with the shared secret, RS/PS/ES only with public keys.
    private static HashSet<string> ResolveAlgorithms(string? text, byte[]? secret, bool hasPublicKeys)
    {
        var requested = text is null
            ? (secret is null ? [] : new[] { "HS256" }).Concat(hasPublicKeys ? JwtAlgorithms.DefaultPublicKey : []).ToList()
            : SplitList(text).ToList();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alg in requested)
        {
            if (!JwtAlgorithms.Supported.Contains(alg))
                throw new AuthorizerConfigurationException(
                    $"Authorizer misconfigured: {EnvironmentVariables.Algorithms} names '{alg}'; supported: {string.Join(", ", JwtAlgorithms.Supported)}.");
            if (JwtAlgorithms.IsHmac(alg))
            {
                if (secret is null)
                    throw new AuthorizerConfigurationException($"Authorizer misconfigured: {EnvironmentVariables.Algorithms} allows {alg} but {EnvironmentVariables.TokenSalt} is not set.");
                var needed = JwtAlgorithms.MinimumHmacKeyBytes(alg);
                if (secret.Length < needed)
                    throw new AuthorizerConfigurationException(
                        $"Authorizer misconfigured: {EnvironmentVariables.TokenSalt} has {secret.Length} bytes; {alg} needs at least {needed}.");
            }
            else if (!hasPublicKeys)
            {
                throw new AuthorizerConfigurationException(
                    $"Authorizer misconfigured: {EnvironmentVariables.Algorithms} allows {alg} but no public keys are configured ({EnvironmentVariables.JwksFile}, {EnvironmentVariables.JwksUrl} or {EnvironmentVariables.OidcIssuer}).");
            }
            result.Add(alg);
        }
        if (result.Count == 0)
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {EnvironmentVariables.Algorithms} allows no algorithm.");
        if (secret is not null && !result.Any(JwtAlgorithms.IsHmac))
            throw new AuthorizerConfigurationException($"Authorizer misconfigured: {EnvironmentVariables.TokenSalt} is set but {EnvironmentVariables.Algorithms} allows no HS algorithm.");
        return result;
    }
}
