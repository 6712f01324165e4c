using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Tokens;
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
public sealed class Hooks(Stage stage, ScenarioContext scenario, ScenarioDefinition definition, IReqnrollOutputHelper output, Expect expect,
    ApiSteps api, LintSteps lint)
{
    // One hook before and one after every scenario, calling the parts in order. Each hook costs Reqnroll two events and
    // its formatters two messages per scenario (≈ 0.1 ms of CPU a hook; eight separate hooks were 0.3–0.4 ms of a no-op
    // scenario's wall time on one lane, docs/performance.md). As Reqnroll runs hooks, the first part to throw (a skip, a failure)
    // ends the rest of its hook.
    [BeforeScenario]
    public void BeforeScenario()
    {
        RedactRealErrors();
        IdentifyTheScenario();
        SkipWhenTheTargetCannot();
        api.OfferTheApiUnderTest();
    }

    [AfterScenario]
    public void AfterScenario()
    {
        NeverLogsSecrets();
        RecordTheScenario();
        ExplainFailure();
        lint.Collect();
    }

    // A real error (a bug, a fault of the target) reaches xUnit and the reports through the same redaction as everything else.
    private void RedactRealErrors() => scenario.ScenarioContainer.RegisterInstanceAs<IFailureRedactor>(new StageFailureRedactor(stage));

    // The scenario's id in recording sets, its secrets for fingerprints, and the behaviour file (AUTHZ_BEHAVIOR) it starts from.
    private void IdentifyTheScenario()
    {
        stage.Session.ScenarioId = SuiteRecording.IdOf(definition);
        stage.Session.Secrets = () => SuiteRecording.Secrets(stage);
        stage.Session.Behavior = SuiteRecording.Behavior;
    }

    /// <summary>AUTHZ_RECORD: the scenario's requests and what came out, redacted and normalised, into the recording set.</summary>
    private void RecordTheScenario() => SuiteRecording.Record(stage, definition);

    private void SkipWhenTheTargetCannot()
    {
        var needs = scenario.ScenarioInfo.CombinedTags.Where(t => t.StartsWith("needs:", StringComparison.Ordinal)).Select(t => t["needs:".Length..]).ToList();
        var unknown = needs.Where(n => !TargetCapability.All.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Unknown capability tag(s) @needs:{string.Join(", @needs:", unknown)}; known: {string.Join(", ", TargetCapability.All)}.");
        if (ConformanceTargets.SkipReason(Stage.Target, needs) is { } reason)
            Assert.Skip(reason + (Stage.Target.Capabilities.Contains(TargetCapability.AuthorizerSettings) ? "" : Why(needs)));
    }

    /// <summary>The verdict always includes that the authorizer under test never logs the token or the secret, nor
    /// hands either on in its answer (principalId, context, usageIdentifierKey or error message).</summary>
    private void NeverLogsSecrets()
    {
        if (scenario.TestError is not null || stage.Session.Calls.Count == 0)
            return;
        var leaks = LogLeaks.Find(stage.Session.AuthorizerLog, stage.Token is null ? null : stage.TokenText, SuiteKeys.Keys.Secrets);
        if (leaks.Count > 0)
            expect.Fail($"The authorizer under test logged {string.Join(" and ", leaks)}: a function must never log a token or a secret.");
        var handedOn = AnswerLeaks.Find(stage);
        if (handedOn.Count > 0)
            expect.Fail($"The authorizer under test answered with {string.Join(" and ", handedOn)} (its principalId, context, usageIdentifierKey " +
                "and error message reach the backend, the usage plan and the logs): a function must never hand a token or a secret on.");
    }

    /// <summary>Stops the warm function processes of the run.</summary>
    [AfterTestRun]
    public static async Task StopTheFunction()
    {
        if (Stage.TargetSelected && Stage.Target is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }

    // An expectation failure carries the explanation in its message and on the failing step (Expect.Fail); any other
    // error (a bug in the harness or a fault of the target) gets it in the test output, beside its stack trace.
    private void ExplainFailure()
    {
        if (scenario.TestError is null or ExpectationFailedException || !Explanation.HasAny(stage.Session))
            return;
        output.WriteLine(OutputRedaction.Redact(expect.Reproduce() + Environment.NewLine + Explanation.WhatHappened(stage.Session), stage));
    }

    private static string Why(List<string> needs) =>
        needs.Contains(TargetCapability.AuthorizerSettings) ? " It configures the reference authorizer's own settings (AUTH_*) or relies on their defaults, which a profile's function does not have."
        : needs.Contains(TargetCapability.ControlledClock) ? " It lets time pass, or puts a token's lifetime minutes from the scenario's clock, and a function in its own process reads the real clock (the hour-off lifetime attacks of JwtAttacks judge it instead)."
        : "";

}
