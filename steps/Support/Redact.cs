namespace AuthorizerConformance.Steps.Support;

/// <summary>Keeps tokens and secrets out of test output: each known secret value becomes a short marker.</summary>
public static class Redact
{
    public static string Secrets(string text, string? token)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in new[] { token, TestSecrets.AuthorizerSecret, TestSecrets.OtherSecret })
        {
            if (!string.IsNullOrEmpty(secret))
                text = text.Replace(secret, $"[redacted {secret.Length} chars]", StringComparison.Ordinal);
        }
        return text;
    }
}
