using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// How one scenario (or Examples row) of an <c>authz run</c> ended, as the suite's xUnit run reported it.
/// </summary>
/// <param name="Feature">The feature's name (its area).</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Label">The Examples row (<c>Examples #1: a=1</c>), or empty.</param>
/// <param name="Tags">Every tag that applies, without '@'.</param>
/// <param name="Subject">Whom the scenario judges.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Message">Why it failed (the whole explanation) or was skipped, redacted; null when it passed.</param>
/// <param name="Seconds">How long it ran.</param>
public sealed record ScenarioResult(
    string Feature, string Scenario, string Label, IReadOnlyList<string> Tags, ScenarioSubject Subject,
    VerdictOutcome Outcome, string? Message, double Seconds)
{
    /// <summary><c>Feature: Scenario [Examples #1: a=1]</c>, as <c>dotnet test</c> names it.</summary>
    public string DisplayName => $"{Feature}: {Scenario}" + (Label.Length == 0 ? "" : $" [{Label}]");

    /// <summary>The scenario's name with its Examples row.</summary>
    public string ScenarioWithRow => Scenario + (Label.Length == 0 ? "" : $" [{Label}]");
}
