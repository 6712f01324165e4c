namespace AuthorizerConformance.Harness.Calibration;

/// <summary>What a stage answered a probe: the status and the error type it named (the part of <c>x-amzn-ErrorType</c> before <c>:</c>).</summary>
public sealed record CalibrationObservation(int Status, string? ErrorType)
{
    /// <summary>The observation of a status and a raw <c>x-amzn-ErrorType</c> value.</summary>
    public static CalibrationObservation Of(int status, string? errorType) =>
        new(status, string.IsNullOrEmpty(errorType) ? null : errorType.Split(':')[0].Trim());

    /// <inheritdoc />
    public override string ToString() => ErrorType is null ? $"{Status}" : $"{Status} {ErrorType}";
}
