using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Targets.Deployed;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>A deployed calibration stage, called at its invoke URL through <see cref="StageInvoker"/>.</summary>
public sealed class InvokeUrlCalibrationStage(StageInvoker invoker, Uri invokeUrl) : ICalibrationStage
{
    /// <inheritdoc />
    public string Description => $"the stage at {invokeUrl.GetLeftPart(UriPartial.Path)}";

    /// <inheritdoc />
    public async Task<CalibrationObservation> SendAsync(ClientRequest request, CancellationToken cancellationToken)
    {
        var response = await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var type = response.Headers.FirstOrDefault(h => string.Equals(h.Key, "x-amzn-ErrorType", StringComparison.OrdinalIgnoreCase)).Value;
        return CalibrationObservation.Of(response.Status, type);
    }
}
