using AuthorizerConformance.Harness.Targets;
using System.Collections.Concurrent;
using AuthorizerConformance.Harness.Lint;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// The authorizer-output linter (docs/lint.md) in scenarios and in every run's report: a step that asserts the
/// authorizer under test returned nothing the linter flags, and <c>reports/lint.md</c> with every finding of the run.
/// </summary>
[Binding]
public sealed class LintSteps(Stage stage, ScenarioContext scenario, Expect expect)
{
    // The run's findings, by scenario (the report is one per run; scenarios may run in parallel).
    private static readonly ConcurrentBag<(string Scenario, LintFinding Finding)> RunFindings = [];

    [Then("the authorizer output has no lint findings")]
    [Observes(TargetObservation.AuthorizerOutput)]
    public void NoFindings()
    {
        stage.Observe(TargetObservation.AuthorizerOutput);
        if (!stage.Session.Calls.Any())
            throw new InvalidOperationException("The authorizer was never invoked, so there is no output to lint: send a request first.");
        var findings = SessionLint.TargetFindings(stage.Session);
        expect.That(findings.Count == 0, () => "the authorizer output has lint findings; the scenario expects none:" + Environment.NewLine
            + string.Join(Environment.NewLine, findings.Select(f => $"  call {f.Call}: {f.Finding}")));
    }

    // Called by Hooks.AfterScenario (one hook for every part).
    public void Collect()
    {
        foreach (var (_, finding) in SessionLint.TargetFindings(stage.Session))
            RunFindings.Add(($"{scenario.ScenarioInfo.Title}", finding));
    }

    [AfterTestRun]
    public static void WriteReport()
    {
        // Beside the run's HTML report (ReportsFolder), so authz run --report DIR gets it in DIR.
        var reports = Directory.CreateDirectory(ReportsFolder.Path).FullName;
        File.WriteAllText(Path.Combine(reports, "lint.md"), SessionLint.Markdown(RunFindings));
    }
}
