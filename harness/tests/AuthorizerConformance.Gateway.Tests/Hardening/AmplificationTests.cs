namespace AuthorizerConformance.Gateway.Tests.Hardening;

/// <summary>
/// Issue 16, defect 11: a gateway-response template that repeats a large <c>$context.authorizer</c> value must not
/// grow without bound. The rendered body is bounded by API Gateway's 10 MB payload quota (docs/limits.md); past it the
/// default body is sent and the result says why.
/// </summary>
public class AmplificationTests
{
    [Fact]
    public async Task A_template_that_would_render_past_the_payload_quota_falls_back_to_the_default_body()
    {
        var big = new string('x', 400_000);
        var outcome = Outputs.Return(Outputs.Policy("Deny", "*", $$""", "context": {"big": "{{big}}"}"""));
        var template = System.Text.Json.JsonSerializer.Serialize(string.Concat(Enumerable.Repeat("$context.authorizer.big", 3000)));
        var kit = Kit.RestToken(outcome, extraApi: ", \"gatewayResponses\": {\"ACCESS_DENIED\": {\"template\": " + template + " }}");

        var before = GC.GetTotalAllocatedBytes(precise: false);
        var result = await kit.Token();
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;

        Assert.Equal(403, result.Status);
        Assert.Equal("""{"Message":"User is not authorized to access this resource with an explicit deny"}""", result.Body);
        Assert.Contains("10485760 characters", result.FailureDetail, StringComparison.Ordinal);
        Assert.True(allocated < 200L << 20, $"allocated {allocated} bytes rendering one response");
    }

    [Fact]
    public async Task A_template_within_the_quota_still_renders()
    {
        var outcome = Outputs.Return(Outputs.Policy("Deny", "*", """, "context": {"big": "abc"}"""));
        var kit = Kit.RestToken(outcome, extraApi: """, "gatewayResponses": {"ACCESS_DENIED": {"template": "$context.authorizer.big-${context.authorizer.big}"}}""");
        Assert.Equal("abc-abc", (await kit.Token()).Body);
    }
}
