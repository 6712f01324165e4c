namespace AuthorizerConformance.Reqnroll.xUnit3.Fixtures.Bindings;

/// <summary>
/// The fixture assembly's scenario rules, standing in for the conformance suite's: a <c>@source:</c> tag must name a
/// known source, and a step that runs <see cref="CalculatorSteps.Entered"/> needs <c>@needs:numbers</c>.
/// </summary>
public sealed class FixtureLint : IScenarioLint
{
    /// <inheritdoc />
    public IReadOnlyList<string> Check(ScenarioDefinition scenario, IReadOnlyList<StepMatch> steps)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(steps);
        var problems = scenario.AllTags
            .Where(t => t.StartsWith("source:", StringComparison.Ordinal) && t != "source:aws-docs")
            .Select(t => $"@{t} is not a source; fix: write @source:aws-docs")
            .ToList();
        if (scenario.AllTags.Contains("needs-numbers-checked")
            && steps.Any(s => s.Method?.Name == nameof(CalculatorSteps.Entered))
            && !scenario.AllTags.Contains("needs:numbers"))
            problems.Add("a step enters a number; fix: add @needs:numbers");
        return problems;
    }
}
