using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>A stage running the calibration API (<see cref="CalibrationApi"/>): a deployed one over HTTP, or the emulation.</summary>
public interface ICalibrationStage
{
    /// <summary>What the stage is, for the table's heading (never a token).</summary>
    string Description { get; }

    /// <summary>Sends one probe request; returns the status and the <c>x-amzn-ErrorType</c> header (or null).</summary>
    Task<CalibrationObservation> SendAsync(ClientRequest request, CancellationToken cancellationToken);
}
