using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// The one place every text the suite prints or attaches passes through (failure messages, explanations, report
/// attachments): JWS-shaped tokens lose their signature, every token the scenario built is withheld, and the run's
/// HMAC secret is replaced. Keep it the only call site, so the project's redaction routine plugs in here.
/// </summary>
public static class OutputRedaction
{
    /// <summary>What replaces the run's HMAC secret.</summary>
    public const string SecretMarker = "[redacted secret]";

    /// <summary><paramref name="text"/> with the secrets of <paramref name="stage"/>'s scenario and of the run withheld.</summary>
    public static string Redact(string text, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(stage);
        text = SecretRedactor.Redact(text);
        foreach (var token in stage.BuiltTokens)
            text = Redaction.Scrub(text, token.Text);
        return text.Replace(SuiteKeys.Ring.Secret, SecretMarker, StringComparison.Ordinal);
    }
}
