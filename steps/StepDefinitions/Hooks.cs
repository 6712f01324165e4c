using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Reqnroll.xUnit3;
using AuthorizerConformance.Steps.Support;
using Reqnroll;
using Xunit.Sdk;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Scenario hooks: a scenario that needs a capability the selected target lacks is skipped with the reason; a failed
/// scenario explains itself (requests, events, raw outputs, decisions, cache) with tokens and secrets redacted.
/// </summary>
[Binding]
public sealed class Hooks(Stage stage, ScenarioContext scenario, IReqnrollOutputHelper output, Expect expect)
{
    // A real error (a bug, a fault of the target) reaches xUnit and the reports through the same redaction as everything else.
    [BeforeScenario(Order = -1)]
    public void RedactRealErrors() => scenario.ScenarioContainer.RegisterInstanceAs<IFailureRedactor>(new StageFailureRedactor(stage));

    [BeforeScenario(Order = 0)]
    public void SkipWhenTheTargetCannot()
    {
        var needs = scenario.ScenarioInfo.CombinedTags.Where(t => t.StartsWith("needs:", StringComparison.Ordinal)).Select(t => t["needs:".Length..]).ToList();
        var unknown = needs.Where(n => !TargetCapability.All.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Unknown capability tag(s) @needs:{string.Join(", @needs:", unknown)}; known: {string.Join(", ", TargetCapability.All)}.");
        if (ConformanceTargets.SkipReason(Stage.Target, needs) is { } reason)
            Assert.Skip(reason);
    }

    // An expectation failure carries the explanation in its message and on the failing step (Expect.Fail); any other
    // error (a bug in the harness or a fault of the target) gets it in the test output, beside its stack trace.
    [AfterScenario]
    public void ExplainFailure()
    {
        if (scenario.TestError is null or ExpectationFailedException || !Explanation.HasAny(stage.Session))
            return;
        output.WriteLine(OutputRedaction.Redact(expect.Reproduce() + Environment.NewLine + Explanation.WhatHappened(stage.Session), stage));
    }
}
