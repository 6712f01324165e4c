using System.Text;
using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Lint;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Harness.Tests.Lint;

public class SessionLintTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static async Task<StageSession> RunAsync(Func<JsonObject, string> output, string kind = StageSession.TargetKind, int? ttl = null)
    {
        var session = new StageSession(new EchoTarget(output), Start);
        var authorizer = new JsonObject { ["type"] = "TOKEN", ["identitySource"] = "method.request.header.Authorization", ["function"] = new JsonObject { ["kind"] = kind } };
        if (kind == "scripted")
            authorizer["function"] = new JsonObject { ["kind"] = "scripted", ["outcomes"] = new JsonArray(new JsonObject { ["return"] = JsonNode.Parse(output(new JsonObject { ["methodArn"] = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets" })) }) };
        if (ttl is { } t)
            authorizer["resultTtlInSeconds"] = t;
        session.Authorizers["A"] = authorizer;
        session.Api["routes"] = new JsonArray(new JsonObject { ["method"] = "ANY", ["resource"] = "/{proxy+}", ["authorizer"] = "A" });
        await session.SendAsync(new ClientRequest { Method = "GET", Path = "/pets", Headers = [new("Authorization", "Bearer abcdefghijklmnopqrstuvwxyz")] });
        return session;
    }

    private static string ScopedToMethod(JsonObject e) =>
        $$$"""{"principalId":"u-1","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"{{{(string)e["methodArn"]!}}}"}]}}""";

    [Fact]
    public async Task The_target_output_scoped_to_its_methodArn_is_found_while_caching_is_on()
    {
        var findings = SessionLint.TargetFindings(await RunAsync(ScopedToMethod));

        var (call, finding) = Assert.Single(findings);
        Assert.Equal((1, "AZL001"), (call, finding.Rule.Id));
    }

    [Fact]
    public async Task Without_caching_the_same_output_is_clean() =>
        Assert.Empty(SessionLint.TargetFindings(await RunAsync(ScopedToMethod, ttl: 0)));

    [Fact]
    public async Task A_principal_that_is_the_token_it_was_handed_is_found()
    {
        var findings = SessionLint.TargetFindings(await RunAsync(e =>
            $$$"""{"principalId":"{{{((string)e["authorizationToken"]!)[7..]}}}","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*"}]}}""", ttl: 0));

        Assert.Equal("AZL008", Assert.Single(findings).Finding.Rule.Id);
    }

    [Fact]
    public async Task Scripted_outputs_are_not_the_authorizer_under_test_and_are_not_linted() =>
        Assert.Empty(SessionLint.TargetFindings(await RunAsync(ScopedToMethod, kind: "scripted")));

    [Fact]
    public void The_report_lists_each_finding_with_its_scenario_or_says_there_are_none()
    {
        Assert.Contains("No lint findings", SessionLint.Markdown([]), StringComparison.Ordinal);
        var finding = new LintFinding(LintRules.AllowsEverything, "$.policyDocument.Statement[0].Resource", "\"*\" allows every API and every resource");

        var report = SessionLint.Markdown([("Scenario | one", finding)]);

        Assert.Contains("| AZL002 allow-everything | `$.policyDocument.Statement[0].Resource` | \"*\" allows every API and every resource | Scenario \\| one |", report, StringComparison.Ordinal);
    }

    private sealed class EchoTarget(Func<JsonObject, string> output) : IConformanceTarget
    {
        public string Name => "echo";

        public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>(StringComparer.Ordinal);

        public AuthorizerConformance.Harness.Profiles.AuthorizerProfile Profile => AuthorizerConformance.Harness.Profiles.AuthorizerProfile.Reference;

        public IAuthorizerFunction CreateFunction(TargetFunctionRequest request) => new Function(output);

        private sealed class Function(Func<JsonObject, string> output) : IAuthorizerFunction
        {
            public ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken) =>
                ValueTask.FromResult<AuthorizerInvocation>(new AuthorizerInvocation.Returned(Encoding.UTF8.GetBytes(output(JsonNode.Parse(eventJson.Span)!.AsObject()))));
        }
    }
}
