using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>The calibration API in the emulation (<see cref="CalibrationApi.Emulate(GatewayBehavior, byte[], TimeProvider)"/>): what the probes' expectations are made of.</summary>
public sealed class EmulatedCalibrationStage(ApiGateway gateway) : ICalibrationStage
{
    /// <summary>The emulated calibration API with <paramref name="behavior"/>, its authorizer the in-process calibration authorizer.</summary>
    public EmulatedCalibrationStage(GatewayBehavior behavior, byte[] secret, TimeProvider? clock = null)
        : this(CalibrationApi.Emulate(behavior, secret, clock ?? TimeProvider.System)) { }

    /// <inheritdoc />
    public string Description => "the in-process emulation";

    /// <inheritdoc />
    public async Task<CalibrationObservation> SendAsync(ClientRequest request, CancellationToken cancellationToken)
    {
        var result = await gateway.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        return CalibrationObservation.Of(result.Status, result.Headers.TryGetValue("x-amzn-ErrorType", out var type) ? type : null);
    }
}
