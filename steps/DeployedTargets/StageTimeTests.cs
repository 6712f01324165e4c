using System.Xml.Linq;
using AuthorizerConformance.Steps.Support;

namespace AuthorizerConformance.Steps.DeployedTargets;

/// <summary>
/// Time passing on a <c>stage:</c> target (issue 12): with slow waits allowed it is real time against the stage's real
/// cache, without them the scenario is skipped naming how to allow them. The two CAC-4 scenarios of
/// features/Caching.feature that wait a minute run as written, but for a wait of 2 seconds against a fake stage whose
/// TTL is 1 second, serving an authorizer whose policy covers only the incoming method ARN: the status alone shows
/// whether the cached result had expired when the second request came.
/// </summary>
public sealed class StageTimeTests(ITestOutputHelper output)
{
    private const string Feature = "Caching in real time";
    private const string StatusOnly = "A minute later the authorizer under test's token is allowed on another method too";
    private const string WithCache = "The authorizer under test's policy stays valid for the other methods within the TTL";

    /// <summary>The two scenarios, copied from features/Caching.feature with their tags, waiting 2 seconds instead of a minute.</summary>
    private static Dictionary<string, string> Features()
    {
        var caching = File.ReadAllText(Path.Combine(BuildMetadata.FeaturesDirectory, "Caching.feature")).ReplaceLineEndings("\n");
        var text = $"@caching\nFeature: {Feature}\n\n  Background:\n    Given a REST API\n\n  Rule: CAC-4 in real time\n\n" +
                   Scenario(caching, StatusOnly) + "\n\n" + Scenario(caching, WithCache) + "\n";
        Assert.Equal(2, text.Split("1 minute passes").Length - 1);
        return new() { ["CachingInRealTime.feature"] = text.Replace("1 minute passes", "2 seconds pass", StringComparison.Ordinal) };
    }

    private static string Scenario(string feature, string title)
    {
        var lines = feature.Split('\n');
        var at = Array.FindIndex(lines, l => l.Trim() == "Scenario: " + title);
        Assert.True(at > 0, $"features/Caching.feature has no scenario '{title}'");
        var start = at;
        while (lines[start - 1].TrimStart().StartsWith('@'))
            start--;
        var end = Array.FindIndex(lines, at, l => l.Trim().Length == 0);
        return string.Join('\n', lines[start..end]);
    }

    private static XElement Test(DeployedRun run, string scenario) =>
        Assert.Single(run.Results.Descendants("test"), t => (string?)t.Attribute("name") == $"{Feature}: {scenario}");

    private static string Reason(XElement test) => test.Element("reason")?.Value ?? "";

    private void Report(DeployedRun run)
    {
        foreach (var test in run.Results.Descendants("test"))
            output.WriteLine($"{test.Attribute("result")?.Value} {test.Attribute("name")?.Value} {Reason(test)}{test.Element("failure")?.Element("message")?.Value}");
        output.WriteLine($"stage requests: {run.StageRequests}");
    }

    [Fact]
    public async Task With_slow_waits_allowed_time_passes_for_real_and_the_stage_s_cache_is_judged_by_the_status()
    {
        MethodScopedFunction? scoped = null;
        var run = await DeployedRun.StageAsync(secret => scoped = new MethodScopedFunction(DeployedRun.Reference(secret)), ttl: 1, Features(), allowSlow: true);
        Report(run);

        Assert.Equal("Pass", (string?)Test(run, StatusOnly).Attribute("result"));
        // The DELETE reached the authorizer: the GET's result (which allows GET only) had expired, 2 real seconds later.
        var invocations = scoped!.Invocations;
        var delete = Assert.Single(invocations, i => i.MethodArn.Contains("/DELETE/", StringComparison.Ordinal));
        var firstGet = invocations.Where(i => i.MethodArn.Contains("/GET/", StringComparison.Ordinal)).Min(i => i.At);
        Assert.True(delete.At - firstGet >= TimeSpan.FromSeconds(2), $"the DELETE came {(delete.At - firstGet).TotalSeconds:0.00} s after the first GET");
        Assert.Contains(run.StageResults, r => r.Status == 200 && r.MethodArn?.Contains("/DELETE/", StringComparison.Ordinal) == true && !r.CacheHit);
        // The scenario that would check the cache after the wait is skipped before it: its GET was the stage's only request for it.
        var withCache = Test(run, WithCache);
        Assert.Equal("Skip", (string?)withCache.Attribute("result"));
        Assert.Contains("skipped before waiting 2 s in real time", Reason(withCache), StringComparison.Ordinal);
        Assert.Contains("cache", Reason(withCache), StringComparison.Ordinal);
        Assert.Equal(3, run.StageRequests);
    }

    [Fact]
    public async Task With_slow_waits_allowed_a_policy_for_the_incoming_method_fails_while_the_stage_still_caches_it()
    {
        var run = await DeployedRun.StageAsync(secret => new MethodScopedFunction(DeployedRun.Reference(secret)), ttl: 300, Features(), allowSlow: true);
        Report(run);

        var failed = Test(run, StatusOnly);
        Assert.Equal("Fail", (string?)failed.Attribute("result"));
        Assert.Contains("403", failed.Element("failure")?.Element("message")?.Value ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_slow_waits_the_scenarios_that_let_time_pass_are_skipped_naming_how_to_allow_them()
    {
        var run = await DeployedRun.StageAsync(DeployedRun.Reference, ttl: 1, Features(), allowSlow: false);
        Report(run);

        foreach (var scenario in new[] { StatusOnly, WithCache })
        {
            var test = Test(run, scenario);
            Assert.Equal("Skip", (string?)test.Attribute("result"));
            Assert.Contains("lacks passing-time", Reason(test), StringComparison.Ordinal);
            Assert.Contains("AUTHZ_ALLOW_SLOW=1", Reason(test), StringComparison.Ordinal);
            Assert.Contains("--allow-slow", Reason(test), StringComparison.Ordinal);
        }
        Assert.Equal(0, run.StageRequests);
    }
}
