namespace AuthorizerConformance.Harness.Calibration;

/// <summary>One row of the calibration table.</summary>
/// <param name="Option">The behaviour option (camelCase, as in <c>api.behavior</c>).</param>
/// <param name="Rule">The spec rule, or empty for an option not calibrated.</param>
/// <param name="Verdict">What was found.</param>
/// <param name="DefaultValue">The option's default as JSON (empty when not calibrated).</param>
/// <param name="StageValue">The value the stage follows as JSON, or null when none explains it.</param>
/// <param name="Evidence">What the stage answered and what each value predicts, or why the option was not calibrated.</param>
public sealed record CalibrationRow(string Option, string Rule, CalibrationVerdict Verdict, string DefaultValue, string? StageValue, string Evidence);
