using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Gateway.Tests.Hardening;

/// <summary>Issue 16: scenario-file values AWS would refuse are errors naming their JSON path.</summary>
public class ScenarioInputTests
{
    internal static string Scenario(string request = """{"method": "GET", "path": "/x"}""", string api = "", string top = "") =>
        $$"""{"api": {"type": "REST", "routes": [{"method": "GET", "resource": "/x"}] {{api}} }, "authorizers": {}, "requests": [{{request}}] {{top}} }""";

    internal static ScenarioError Error(string json)
    {
        var parsed = ScenarioParser.Parse(json);
        Assert.False(parsed.IsValid, "expected an error");
        return parsed.Error!;
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("")]
    [InlineData("012.1.1.1")]
    [InlineData("10.1")]
    [InlineData("167772161")]
    [InlineData("10.0.0.1 ")]
    public void Defect_5_a_source_ip_that_is_not_a_canonical_address_is_refused(string sourceIp)
    {
        var error = Error(Scenario($$"""{"method": "GET", "path": "/x", "sourceIp": {{System.Text.Json.JsonSerializer.Serialize(sourceIp)}} }"""));
        Assert.Equal("requests[0].sourceIp", error.Path);
    }

    [Theory]
    [InlineData("198.51.100.4")]
    [InlineData("2001:db8::1")]
    public void Canonical_source_ips_are_accepted(string sourceIp) =>
        Assert.True(ScenarioParser.Parse(Scenario($$"""{"method": "GET", "path": "/x", "sourceIp": "{{sourceIp}}"}""")).IsValid);

    /// <summary>
    /// Defect 15: the duplicate-route check is a set lookup. 100 000 routes compared each with all earlier ones took
    /// minutes; the timeout guards against that hang (a bound, not a speed measurement).
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task Defect_15_a_hundred_thousand_routes_parse_and_a_duplicate_among_them_is_found()
    {
        var routes = string.Join(",", Enumerable.Range(0, 100_000).Select(i => $$"""{"method": "GET", "resource": "/r{{i}}"}"""));
        var parsed = await Task.Run(() => ScenarioParser.Parse($$"""{"api": {"type": "REST", "routes": [{{routes}}]}, "authorizers": {}, "requests": []}"""),
            TestContext.Current.CancellationToken);
        Assert.True(parsed.IsValid, parsed.Error?.ToString());
        Assert.Equal(100_000, parsed.Scenario!.Api.Routes.Count);

        var duplicate = ScenarioParser.Parse($$"""{"api": {"type": "REST", "routes": [{{routes}}, {"method": "GET", "resource": "/r7"}]}, "authorizers": {}, "requests": []}""");
        Assert.Equal("api.routes[100000]", duplicate.Error!.Path);
    }
}
