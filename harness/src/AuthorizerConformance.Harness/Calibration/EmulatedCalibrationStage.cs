using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>The calibration API in the emulation, with a given behaviour: what the probes' expectations are made of.</summary>
public sealed class EmulatedCalibrationStage(GatewayBehavior behavior, byte[] secret, TimeProvider? clock = null) : ICalibrationStage
{
    private readonly ApiGateway _gateway = CalibrationApi.Emulate(behavior, secret, clock ?? TimeProvider.System);

    /// <inheritdoc />
    public string Description => "the in-process emulation";

    /// <inheritdoc />
    public async Task<CalibrationObservation> SendAsync(ClientRequest request, CancellationToken cancellationToken)
    {
        var result = await _gateway.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        return CalibrationObservation.Of(result.Status, result.Headers.TryGetValue("x-amzn-ErrorType", out var type) ? type : null);
    }
}
