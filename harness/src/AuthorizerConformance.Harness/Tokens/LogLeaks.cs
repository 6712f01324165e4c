namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// Finds secrets in what an authorizer logged: a whole token, its signature (the part that lets a token be replayed or
/// checked offline), or a secret of the run. The findings name what leaked, never the leaked text.
/// </summary>
public static class LogLeaks
{
    /// <summary>Signatures shorter than this are not looked for (a hostile token's may be empty or a few characters).</summary>
    public const int MinimumSignatureLength = 16;

    /// <summary>What of <paramref name="token"/> and <paramref name="secrets"/> <paramref name="log"/> holds, in words.</summary>
    public static IReadOnlyList<string> Find(string log, string? token, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(secrets);
        var leaks = new List<string>();
        if (log.Length == 0)
            return leaks;
        if (token is { Length: > 0 } && token.Count(c => c == '.') >= 2)
        {
            var signature = token[(token.LastIndexOf('.') + 1)..];
            if (log.Contains(token, StringComparison.Ordinal))
                leaks.Add("the whole token");
            else if (signature.Length >= MinimumSignatureLength && log.Contains(signature, StringComparison.Ordinal))
                leaks.Add("the token's signature");
        }
        foreach (var (secret, index) in secrets.Select((s, i) => (s, i)))
        {
            if (secret.Length > 0 && log.Contains(secret, StringComparison.Ordinal))
                leaks.Add(index == 0 ? "the secret" : $"secret #{index + 1}");
        }
        return leaks;
    }
}
