namespace AuthorizerConformance.Steps.DeployedTargets;

/// <summary>
/// The suite through both deployed targets against the local fakes (issue 12): green when they serve the reference
/// authorizer, red when they serve a broken one. Each run is a separate process of this assembly over
/// <see cref="DeployedRun.Features"/>.
/// </summary>
public sealed class DeployedTargetRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Explore()
    {
        var all = Directory.GetFiles("/work/wt/i12-targets/features", "*.feature").Select(Path.GetFileName).ToList();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var run = Environment.GetEnvironmentVariable("EXPLORE_KIND") == "stage" ? await DeployedRun.StageAsync(false, all!) : await DeployedRun.TestInvokeAsync(false, null, all!);
        output.WriteLine($"elapsed {sw.Elapsed.TotalSeconds:0.0}s cp={run.ControlPlaneRequests} stage={run.StageRequests}");
        foreach (var g in run.Outcomes.GroupBy(o => o.Value))
            output.WriteLine($"{g.Key}: {g.Count()}");
        foreach (var t in run.Results.Descendants("test").Where(t => (string)t.Attribute("result")! == "Fail"))
            output.WriteLine($"FAIL {t.Attribute("name")}: {((string?)t.Element("failure")?.Element("message"))?[..Math.Min(600, ((string?)t.Element("failure")?.Element("message"))?.Length ?? 0)]}");
        foreach (var g in run.Results.Descendants("test").Where(t => (string)t.Attribute("result")! == "Skip").GroupBy(t => ((string?)t.Element("reason"))?.Split('(')[0]))
            output.WriteLine($"SKIP x{g.Count()}: {g.Key}");
    }
}
