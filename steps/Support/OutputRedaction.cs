using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// The one place every text the suite prints or attaches passes through (failure messages, explanations, report
/// attachments). It calls the project's one redaction routine (<see cref="Redaction"/>: by structure, and by value), told
/// every secret this scenario saw or made: the tokens it built, the identity values the requests carried, the
/// authorizer's environment and the run's HMAC secret.
/// </summary>
public static class OutputRedaction
{
    /// <summary><paramref name="text"/> with the secrets of <paramref name="stage"/>'s scenario and of the run withheld.</summary>
    public static string Redact(string text, Stage stage)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(stage);
        return Redaction.Redact(text,
        [
            .. stage.BuiltTokens.Select(t => t.Text),
            .. stage.Session.Results.SelectMany(r => r.IdentityValues),
            .. stage.Session.AuthorizerEnvironment.Values,
            SuiteKeys.Ring.Secret,
        ]);
    }
}
