namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// What the calibration authorizer does for one probe: return <see cref="Output"/> (raw JSON text, returned as is), or
/// fail with <see cref="ErrorMessage"/> (thrown as an error with that message). <see cref="PadContextChars"/> adds a
/// <c>context.pad</c> string of that many characters to the output, so a large output needs no large token.
/// </summary>
public sealed record CalibrationAction(string? Output, string? ErrorMessage, int PadContextChars = 0)
{
    /// <summary>The authorizer returns <paramref name="output"/>.</summary>
    public static CalibrationAction Returns(string output, int padContextChars = 0) => new(output, null, padContextChars);

    /// <summary>The authorizer fails with <paramref name="message"/>.</summary>
    public static CalibrationAction Fails(string message) => new(null, message);
}
