using System.Text.Json;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// Runs the calibration probes against a stage and decides, per behaviour option, which value the stage follows: each
/// probe is also run through the emulation once per value of its option, and the stage's answer (status and error type)
/// is matched against those predictions. The expectations are therefore the emulation's own, never a second copy.
/// </summary>
public static class Calibrator
{
    /// <summary>The source address of the probes (any address satisfies the condition probe).</summary>
    public const string SourceIp = "203.0.113.9";

    /// <summary>Calibrates <paramref name="stage"/>, whose calibration authorizers verify tokens with <paramref name="secret"/>.</summary>
    public static async Task<CalibrationReport> RunAsync(ICalibrationStage stage, byte[] secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(secret);
        var control = await stage.SendAsync(Request(CalibrationApi.ProbePath, CalibrationProbes.Control, secret), cancellationToken).ConfigureAwait(false);
        if (control.Status != 200)
            return new CalibrationReport(stage.Description, [], $"The control probe (the calibration authorizer returning a plain Allow on GET {CalibrationApi.ProbePath}) " +
                $"got {control} instead of 200: the stage is not the calibration API of docs/deployed-stage.md, or its authorizer has another secret.");

        var rows = new List<CalibrationRow>();
        foreach (var probe in CalibrationProbes.All)
        {
            var request = Request(probe.Path, probe.Action, secret);
            var predictions = new List<(string Value, CalibrationObservation Observation)>();
            string? defaultValue = null;
            foreach (var value in probe.Values)
            {
                var behavior = Behavior(probe.Option, value);
                if (behavior == GatewayBehavior.Default)
                    defaultValue = value;
                var emulated = new EmulatedCalibrationStage(behavior, secret);
                predictions.Add((value, await emulated.SendAsync(request, cancellationToken).ConfigureAwait(false)));
            }
            var observed = await stage.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var matching = predictions.Where(p => p.Observation == observed).Select(p => p.Value).ToList();
            var evidence = $"got {observed}; {string.Join(", ", predictions.Select(p => $"{p.Value} → {p.Observation}"))} ({probe.Scenario})";
            var stageValue = matching.Count == 0 ? null : matching.Contains(defaultValue!) ? defaultValue : matching[0];
            var verdict = stageValue is null ? CalibrationVerdict.Unexplained : stageValue == defaultValue ? CalibrationVerdict.Default : CalibrationVerdict.Differs;
            rows.Add(new CalibrationRow(probe.Option, probe.Rule, verdict, defaultValue ?? "?", stageValue, evidence));
        }
        foreach (var (option, reason) in CalibrationProbes.NotCalibrated)
            rows.Add(new CalibrationRow(option, "", CalibrationVerdict.NotCalibrated, "", null, reason));
        return new CalibrationReport(stage.Description, rows, null);
    }

    /// <summary>The behaviour with one option set (the others default).</summary>
    public static GatewayBehavior Behavior(string option, string jsonValue)
    {
        using var document = JsonDocument.Parse($"{{{JsonSerializer.Serialize(option)}: {jsonValue}}}");
        var (behavior, error) = ScenarioParser.ParseBehavior(document.RootElement, "", GatewayBehavior.Default);
        return behavior ?? throw new InvalidOperationException($"calibration probe for {option}={jsonValue}: {error}");
    }

    private static ClientRequest Request(string path, CalibrationAction action, byte[] secret) => new()
    {
        Method = "GET",
        Path = path,
        Headers = [new("Authorization", CalibrationToken.Create(action, secret))],
        SourceIp = SourceIp,
    };
}
