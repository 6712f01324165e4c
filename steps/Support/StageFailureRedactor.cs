using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Support;

/// <summary>The runner's redaction of real errors (message and stack trace) for one scenario: <see cref="OutputRedaction"/>.</summary>
public sealed class StageFailureRedactor(Stage stage) : IFailureRedactor
{
    /// <inheritdoc />
    public string Redact(string text) => OutputRedaction.Redact(text, stage);
}
