namespace AuthorizerConformance.Harness.Lint;

/// <summary>Shapes of credentials the linter recognises in a principalId.</summary>
internal static class Credentials
{
    /// <summary>An AWS access key id: AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits.</summary>
    public static bool LooksLikeAwsAccessKey(string text)
    {
        var t = text.Trim();
        return t.Length == 20 && (t.StartsWith("AKIA", StringComparison.Ordinal) || t.StartsWith("ASIA", StringComparison.Ordinal))
            && t.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
    }
}
