using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Gateway.Tests;

public class ScenarioRunnerTests
{
    private const string Scenario = """
        {"api": {"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}, {"method": "POST", "resource": "/pets", "authorizer": "A"}]},
         "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "resultTtlInSeconds": 60,
            "function": {"kind": "scripted", "outcomes": [{"return": {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]}}}]}}},
         "startTime": "2026-03-01T00:00:00Z",
         "requests": [{"method": "GET", "path": "/pets/1", "headers": {"Authorization": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz"}},
                      {"method": "POST", "path": "/pets", "headers": {"Authorization": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz"}, "atSeconds": 59},
                      {"method": "POST", "path": "/pets", "headers": {"Authorization": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz"}, "atSeconds": 60}]}
        """;

    [Fact]
    public async Task At_seconds_drive_the_clock_through_the_cache_pitfall_and_expiry()
    {
        var run = await ScenarioRunner.RunAsync(ScenarioParser.Parse(Scenario).Scenario!, AuthorizerFunctionResolver.CreateDefault(),
            DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        Assert.Null(run.Error);
        Assert.Equal([200, 403, 200], run.Results.Select(r => r.Status).ToArray());
        Assert.Equal([false, true, false], run.Results.Select(r => r.CacheHit).ToArray());
    }

    [Fact]
    public async Task Result_json_follows_the_contract_and_redacts_token_signatures()
    {
        var run = await ScenarioRunner.RunAsync(ScenarioParser.Parse(Scenario).Scenario!, AuthorizerFunctionResolver.CreateDefault(),
            DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        var json = ScenarioResultWriter.Write(run.Results);
        Assert.DoesNotContain("c2lnbmF0dXJlLWJ5dGVz", json, StringComparison.Ordinal);
        var first = Kit.Parse(json).GetProperty("results")[0];
        string[] members = ["status", "headers", "body", "authorizerInvoked", "cacheHit", "methodArn", "event", "decision", "decidingStatements", "resourcePolicyDecision", "failure", "integration"];
        foreach (var member in members)
            Assert.True(first.TryGetProperty(member, out _), member);
        Assert.Equal("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.REDACTED", first.GetProperty("event").GetProperty("authorizationToken").GetString());
        Assert.Equal("Allow", first.GetProperty("decision").GetString());
        Assert.True(first.GetProperty("integration").GetProperty("invoked").GetBoolean());
        Assert.Equal("2026-03-01T00:00:00.0000000+00:00",
            DateTimeOffset.FromUnixTimeMilliseconds(first.GetProperty("integration").GetProperty("requestContext").GetProperty("requestTimeEpoch").GetInt64()).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var second = Kit.Parse(json).GetProperty("results")[1];
        Assert.Equal("policy-implicit-deny", second.GetProperty("failure").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("event").ValueKind);
    }

    [Fact]
    public async Task An_unknown_function_kind_stops_the_run_with_its_path()
    {
        var scenario = ScenarioParser.Parse(Scenario.Replace("\"kind\": \"scripted\"", "\"kind\": \"reference\"", StringComparison.Ordinal)).Scenario!;
        var run = await ScenarioRunner.RunAsync(scenario, AuthorizerFunctionResolver.CreateDefault(), DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);
        Assert.Equal("authorizers.A.function.kind", run.Error!.Path);
        Assert.Empty(run.Results);
    }
}
