namespace AuthorizerConformance.Steps.DeployedTargets;

/// <summary>
/// The suite through both deployed targets against the local fakes (issue 12): green when they serve the reference
/// authorizer, red when they serve a broken one (<see cref="FailsOpenFunction"/>). Each run is a separate process of
/// this assembly over <see cref="DeployedRun.Features"/>, configured as a user's run is (a profile file, the AWS
/// environment variables, the secret in the variable the profile names).
/// </summary>
public sealed class DeployedTargetRunTests(ITestOutputHelper output)
{
    private const string ValidTokenScenario = "Seed TOKEN authorizer: A valid seed token is allowed, with its principal and context";

    private void Report(string name, DeployedRun run)
    {
        output.WriteLine($"{name}: {string.Join(", ", run.Outcomes.GroupBy(o => o.Value).Select(g => $"{g.Key} {g.Count()}"))}; " +
                         $"control plane {run.ControlPlaneRequests} (429: {run.Throttled}), stage {run.StageRequests}");
        foreach (var failed in run.Outcomes.Where(o => o.Value == "Fail"))
            output.WriteLine("  failed: " + failed.Key);
        foreach (var reason in run.Results.Descendants("test").Where(t => (string?)t.Attribute("result") == "Skip")
                     .GroupBy(t => (t.Element("reason")?.Value ?? "").Split(" (")[0]).OrderByDescending(g => g.Count()))
            output.WriteLine($"  skipped {reason.Count()}: {reason.Key}");
    }

    private static int Count(DeployedRun run, string result) => run.Outcomes.Count(o => o.Value == result);

    private static string Failures(DeployedRun run) =>
        string.Join(Environment.NewLine, run.Results.Descendants("test").Where(t => (string?)t.Attribute("result") == "Fail")
            .Select(t => $"{t.Attribute("name")}: {t.Element("failure")?.Element("message")?.Value}")) + Environment.NewLine + run.Console;

    [Fact]
    public async Task Through_test_invoke_the_reference_authorizer_passes_through_a_429_storm()
    {
        // A 429 storm with Retry-After at the start of the run (discovery meets it): it slows the run down and never
        // fails it. (A token bucket below the client's rate threw no 429 when the loaded machine sent slower than it.)
        var run = await DeployedRun.TestInvokeAsync(broken: false, fake => fake.Inject(new Aws.Fakes.FakeFault.Throttle(1), times: 6));
        Report("test-invoke, reference", run);

        Assert.True(Count(run, "Fail") == 0, Failures(run));
        Assert.Equal("Pass", run.Outcomes[ValidTokenScenario]);
        Assert.True(Count(run, "Pass") >= 20, $"only {Count(run, "Pass")} scenarios passed");
        Assert.True(run.ControlPlaneRequests >= 20, $"the deployed authorizer was test-invoked only {run.ControlPlaneRequests} times");
        Assert.Equal(6, run.Throttled);
    }

    [Fact]
    public async Task Through_test_invoke_a_fail_open_authorizer_fails()
    {
        var run = await DeployedRun.TestInvokeAsync(broken: true);
        Report("test-invoke, fails open", run);

        Assert.Equal("Pass", run.Outcomes[ValidTokenScenario]);
        Assert.True(Count(run, "Fail") >= 10, $"only {Count(run, "Fail")} scenarios failed against an authorizer that allows every bad token");
        Assert.Contains(run.Outcomes, o => o.Key.StartsWith("JWT attacks:", StringComparison.Ordinal) && o.Value == "Fail");
    }

    [Fact]
    public async Task Through_test_invoke_without_the_result_line_the_context_steps_skip_with_the_reason_and_never_fail()
    {
        var run = await DeployedRun.TestInvokeAsync(broken: false, features: ["TokenAuthorizer.feature"], logsResultBody: false);
        Report("test-invoke, no result line", run);

        Assert.True(Count(run, "Fail") == 0, Failures(run));
        var valid = Assert.Single(run.Results.Descendants("test"), t => (string?)t.Attribute("name") == ValidTokenScenario);
        Assert.Equal("Skip", (string?)valid.Attribute("result"));
        Assert.Contains("cannot show what this step checks", valid.Element("reason")?.Value, StringComparison.Ordinal);
        Assert.Contains("held no 'Authorizer result body before parsing:' line", valid.Element("reason")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_stage_the_reference_authorizer_passes()
    {
        var run = await DeployedRun.StageAsync(broken: false);
        Report("stage, reference", run);

        // Most of these scenarios also ask whether the authorizer ran or what the backend got, which a stage cannot show:
        // they are skipped with the reason (never passed), after the status and x-amzn-ErrorType steps before it held.
        // The fail-open run below shows those steps catch a broken authorizer.
        Assert.True(Count(run, "Fail") == 0, Failures(run));
        Assert.True(Count(run, "Pass") >= 2, $"only {Count(run, "Pass")} scenarios passed");
        Assert.True(run.StageRequests >= 20, $"the stage answered only {run.StageRequests} requests");
    }

    [Fact]
    public async Task Through_stage_a_fail_open_authorizer_fails()
    {
        var run = await DeployedRun.StageAsync(broken: true);
        Report("stage, fails open", run);

        Assert.True(Count(run, "Fail") >= 10, $"only {Count(run, "Fail")} scenarios failed against an authorizer that allows every bad token");
        Assert.Contains(run.Outcomes, o => o.Key.StartsWith("JWT attacks:", StringComparison.Ordinal) && o.Value == "Fail");
    }
}
