using System.Text;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// The result of <c>authz calibrate</c>: a row per behaviour option (probed or not), or the reason the stage could not
/// be calibrated at all (its control probe failed).
/// </summary>
public sealed record CalibrationReport(string Stage, IReadOnlyList<CalibrationRow> Rows, string? ControlFailure)
{
    /// <summary>Whether the stage answered the control probe as the calibration API must.</summary>
    public bool Calibrated => ControlFailure is null;

    /// <summary>The behaviour the stage follows as a behaviour file (<c>api.behavior</c> members): every calibrated option whose value was found.</summary>
    public JsonObject BehaviorFile()
    {
        var file = new JsonObject();
        foreach (var row in Rows.Where(r => r.StageValue is not null))
            file[row.Option] = JsonNode.Parse(row.StageValue!);
        return file;
    }

    /// <summary>The table for people, one line per option.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine($"Calibration of {Stage}");
        if (ControlFailure is not null)
            return text.AppendLine(ControlFailure).ToString();
        var probed = Rows.Count(r => r.Verdict != CalibrationVerdict.NotCalibrated);
        text.AppendLine($"{probed} options probed: {Count(CalibrationVerdict.Default)} follow the default, {Count(CalibrationVerdict.Differs)} differ, " +
            $"{Count(CalibrationVerdict.Unexplained)} unexplained; {Count(CalibrationVerdict.NotCalibrated)} not calibrated.");
        text.AppendLine();
        var width = Rows.Max(r => r.Option.Length);
        text.AppendLine($"{"option".PadRight(width)}  {"rule",-6}  {"verdict",-14}  {"default",-13}  {"stage",-13}  evidence");
        foreach (var row in Rows)
        {
            text.AppendLine($"{row.Option.PadRight(width)}  {row.Rule,-6}  {Word(row.Verdict),-14}  {row.DefaultValue,-13}  {row.StageValue ?? "-",-13}  {row.Evidence}");
        }
        return text.ToString();
    }

    private int Count(CalibrationVerdict verdict) => Rows.Count(r => r.Verdict == verdict);

    private static string Word(CalibrationVerdict verdict) => verdict switch
    {
        CalibrationVerdict.Default => "default",
        CalibrationVerdict.Differs => "DIFFERS",
        CalibrationVerdict.Unexplained => "UNEXPLAINED",
        CalibrationVerdict.NotCalibrated => "not calibrated",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
