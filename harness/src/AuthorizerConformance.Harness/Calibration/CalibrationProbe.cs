namespace AuthorizerConformance.Harness.Calibration;

/// <summary>
/// One probe of <c>authz calibrate</c>: a request to the calibration API whose authorizer does <see cref="Action"/>,
/// answered differently by the stage for each value of the <see cref="Option"/> behaviour option (the emulation says
/// how, per value). It is the stage-side form of the <c>@verify-on-aws</c> scenario named by <see cref="Scenario"/>.
/// </summary>
/// <param name="Option">The <c>api.behavior</c> option (camelCase) the probe decides.</param>
/// <param name="Rule">The spec rule the option stands for (<c>POL-9</c>).</param>
/// <param name="Scenario">The <c>@verify-on-aws</c> scenario this probe comes from: <c>Feature file: scenario title</c>.</param>
/// <param name="Values">The option's values as JSON (<c>true</c>, <c>"narrowest"</c>), every one the probe can tell apart.</param>
/// <param name="Action">What the calibration authorizer does.</param>
/// <param name="Path">The request path on the stage (which of the calibration API's authorizers answers).</param>
public sealed record CalibrationProbe(string Option, string Rule, string Scenario, IReadOnlyList<string> Values, CalibrationAction Action, string Path);
