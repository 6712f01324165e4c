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
}
