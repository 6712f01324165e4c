using System.Text.RegularExpressions;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Gateway.Tests.Hardening;

/// <summary>Issue 16, defects 6–8: inputs that crashed the emulation with an exception are clear, named outcomes.</summary>
public class CrashTests
{
    private const string Api = """{"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}]}""";

    private static string Authorizer(string expression, int ttl = 300) =>
        $$"""{"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "resultTtlInSeconds": {{ttl}}, "identityValidationExpression": {{System.Text.Json.JsonSerializer.Serialize(expression)}}, "function": {"kind": "scripted", "outcomes": {{Outputs.AllowAll}} } } }""";

    [Theory]
    [InlineData(ValidationExpressionMatch.WholeString)]
    [InlineData(ValidationExpressionMatch.Find)]
    public async Task Defect_6_a_validation_expression_timeout_is_a_named_401_and_the_authorizer_is_not_invoked(ValidationExpressionMatch mode)
    {
        var behavior = mode == ValidationExpressionMatch.Find ? """{"validationExpressionMatch": "find"}""" : "{}";
        var kit = Kit.Of(Api.Replace("]}", $"], \"behavior\": {behavior}}}", StringComparison.Ordinal), Authorizer("(a+)+$"),
            custom: null, expressionTimeout: TimeSpan.FromMilliseconds(20));
        var result = await kit.Token(token: new string('a', 40) + "!");
        Expect.Rejected(result, 401, FailureCodes.ValidationExpressionTimeout);
        Assert.Equal(0, kit.Invocations());
    }

    [Fact]
    public void Defect_7_a_free_spacing_comment_that_would_swallow_the_anchoring_is_refused_with_its_path()
    {
        var parsed = ScenarioParser.Parse($$"""{"api": {{Api}}, "authorizers": {{Authorizer("(?x)^Bearer\\ .+$  # comment")}}, "requests": []}""");
        Assert.False(parsed.IsValid);
        Assert.Equal("authorizers.A.identityValidationExpression", parsed.Error!.Path);
        Assert.Contains("comment", parsed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defect_7_a_free_spacing_expression_whose_comment_ends_in_a_newline_still_anchors()
    {
        var kit = Kit.Of(Api, Authorizer("(?x)^Bearer\\ .+$  # comment\n"));
        Expect.Admitted(await kit.Token(token: "Bearer abc"));
        Expect.Rejected(await kit.Token(token: "xBearer abc"), 401, FailureCodes.ValidationExpressionMismatch);
    }

    [Fact]
    public void Defect_7_an_expression_gateway_built_in_code_cannot_anchor_is_refused_at_construction()
    {
        var parsed = ScenarioParser.Parse($$"""{"api": {{Api}}, "authorizers": {{Authorizer("^a$")}}, "requests": []}""");
        var definition = parsed.Scenario!.Authorizers[0] with { IdentityValidationExpression = new Regex("(?x)a # c", RegexOptions.None, TimeSpan.FromSeconds(1)) };
        var error = Assert.Throws<ArgumentException>(() => new ApiGateway(parsed.Scenario.Api, [definition], _ => null!, TimeProvider.System));
        Assert.Contains("comment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defect_8_a_start_time_near_year_9999_with_a_ttl_runs()
    {
        const string requests = """[{"method": "GET", "path": "/pets/1", "headers": {"Authorization": "t"}}, {"method": "GET", "path": "/pets/1", "headers": {"Authorization": "t"}}]""";
        var parsed = ScenarioParser.Parse($$"""{"api": {{Api}}, "authorizers": {{Authorizer("^.+$", ttl: 3600)}}, "startTime": "9999-12-31T23:59:59Z", "requests": {{requests}} }""");
        Assert.True(parsed.IsValid, parsed.Error?.ToString());
        var run = await ScenarioRunner.RunAsync(parsed.Scenario!, AuthorizerFunctionResolver.CreateDefault(), DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        Assert.Null(run.Error);
        Assert.Equal([200, 200], run.Results.Select(r => r.Status));
        Assert.True(run.Results[1].CacheHit);
    }

    [Fact]
    public void Defect_8_a_request_time_past_year_9999_is_refused_with_its_path()
    {
        var error = ScenarioInputTests.Error(ScenarioInputTests.Scenario("""{"method": "GET", "path": "/x", "atSeconds": 1e9}""", top: """, "startTime": "9999-01-01T00:00:00Z" """));
        Assert.Equal("requests[0].atSeconds", error.Path);
    }
}
