namespace AuthorizerConformance.Harness.Reports;

/// <summary>The verdict on one scenario (or Examples row) of a run.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Scenario">The scenario's name, with its Examples row (<c>… [Examples #2: aud=other-api]</c>).</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Reason">Why it failed (the first line of the assertion) or was skipped; null when it passed.</param>
public sealed record ScenarioVerdict(string Feature, string Scenario, VerdictOutcome Outcome, string? Reason);
