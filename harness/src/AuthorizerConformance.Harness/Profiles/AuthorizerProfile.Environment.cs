using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Profiles;

public sealed partial record AuthorizerProfile
{
    /// <summary>
    /// The function's environment for this run: the profile's <c>environment</c>, plus — unless
    /// <paramref name="withoutKeys"/> — the run's HS secret in <c>tokens.secretEnv</c>, its public JWKS (JSON text) in
    /// <c>tokens.jwksEnv</c> and the path of a file holding it in <c>tokens.jwksFileEnv</c>. Without keys the function
    /// is started as a misconfigured deployment would be (UNA-2: it must answer 500, not Unauthorized).
    /// </summary>
    public Dictionary<string, string> EnvironmentFor(RunKeys keys, bool withoutKeys = false)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal);
        if (withoutKeys)
            return environment;
        if (Tokens.SecretEnv is { } secret)
            environment[secret] = keys.Secret;
        if (Tokens.JwksEnv is { } jwks)
            environment[jwks] = keys.JwksJson;
        if (Tokens.JwksFileEnv is { } file)
            environment[file] = keys.JwksFile;
        return environment;
    }

    /// <summary>The function's environment as deployed with its secret variable (<c>tokens.secretEnv</c>) present but
    /// empty and no other key: an empty HMAC key is no key (RFC 8725 §3.5), so the function must answer 500 (UNA-2).</summary>
    /// <exception cref="InvalidOperationException">The profile names no <c>tokens.secretEnv</c>.</exception>
    public Dictionary<string, string> EnvironmentWithEmptySecret()
    {
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal);
        environment[Tokens.SecretEnv ?? throw new InvalidOperationException($"The profile '{Name}' names no tokens.secretEnv.")] = "";
        return environment;
    }
}
