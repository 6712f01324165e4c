using AuthorizerConformance.Harness.Recording;

namespace AuthorizerConformance.Cli.Tests;

public class RunRecordTests(RunFixtureRun run)
{
    [Fact]
    public void Authz_run_with_record_writes_a_recording_set_of_every_scenario_that_sent_a_request()
    {
        var set = RecordingSet.Load(run.RecordDirectory);

        Assert.Equal("reference", set.Manifest.Target);
        // Four scenarios and rows send requests; the skipped one sends none and is not recorded.
        Assert.Contains("runfixture/the-authorizer-under-test-allows-a-valid-token", set.Scenarios.Keys);
        Assert.Contains("runfixture/a-scripted-allow-on-the-method-is-allowed", set.Scenarios.Keys);
        Assert.DoesNotContain(set.Scenarios.Keys, id => id.Contains("ignored", StringComparison.Ordinal));
        var allowed = set.Scenarios["runfixture/the-authorizer-under-test-allows-a-valid-token"];
        Assert.Equal(200, allowed.Requests[0].Status);
        Assert.All(Directory.EnumerateFiles(run.RecordDirectory, "*.json", SearchOption.AllDirectories),
            file => Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]*\.eyJ", File.ReadAllText(file)));
    }
}
