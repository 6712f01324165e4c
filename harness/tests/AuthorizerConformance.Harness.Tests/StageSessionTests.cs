using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Harness.Tests;

public class StageSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static StageSession Scripted(params JsonObject[] outcomes)
    {
        var session = new StageSession(new ReferenceTarget(), Start);
        session.Api["routes"] = new JsonArray(new JsonObject { ["method"] = "ANY", ["resource"] = "/{proxy+}", ["authorizer"] = "A" });
        session.Authorizers["A"] = new JsonObject
        {
            ["type"] = "TOKEN",
            ["identitySource"] = "method.request.header.Authorization",
            ["function"] = new JsonObject { ["kind"] = "scripted", ["outcomes"] = new JsonArray([.. outcomes]) },
        };
        return session;
    }

    private static ClientRequest Get(string path) => new() { Method = "GET", Path = path, Headers = [new("Authorization", "t")] };

    private static JsonObject AllowArn() => new()
    {
        ["return"] = JsonNode.Parse("""{"principalId":"p","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"${methodArn}"}]}}"""),
    };

    [Fact]
    public async Task Requests_share_one_stage_so_the_cache_lives_across_them_and_time_moves_it()
    {
        var session = Scripted(AllowArn());

        Assert.Equal(200, (await session.SendAsync(Get("/a"), TestContext.Current.CancellationToken)).Status);
        var cached = await session.SendAsync(Get("/b"), TestContext.Current.CancellationToken);
        session.Advance(TimeSpan.FromSeconds(301));
        var expired = await session.SendAsync(Get("/b"), TestContext.Current.CancellationToken);

        Assert.Equal((403, true), (cached.Status, cached.CacheHit));
        Assert.Equal((200, false), (expired.Status, expired.CacheHit));
        Assert.Equal(2, session.Calls.Count);
        Assert.Equal(Start.AddSeconds(301), session.Now);
    }

    [Fact]
    public async Task A_set_up_the_scenario_parser_refuses_is_an_error_naming_the_json_path()
    {
        var session = Scripted(AllowArn());
        session.Authorizers["A"]!["resultTtlInSeconds"] = 4000;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => session.SendAsync(Get("/a"), TestContext.Current.CancellationToken));

        Assert.Contains("authorizers.A.resultTtlInSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_set_up_is_closed_once_the_stage_runs_and_calls_are_recorded_with_their_outcomes()
    {
        var session = Scripted(new JsonObject { ["error"] = "Unauthorized" });

        var result = await session.SendAsync(Get("/a"), TestContext.Current.CancellationToken);

        Assert.True(session.Started);
        Assert.Equal(401, result.Status);
        var call = Assert.Single(session.Calls);
        Assert.Equal("A", call.Authorizer);
        Assert.Contains("\"methodArn\"", call.Event, StringComparison.Ordinal);
        Assert.Equal("Unauthorized", Assert.IsType<AuthorizerInvocation.FunctionError>(call.Outcome).Message);
    }

    [Fact]
    public void Time_never_moves_backwards() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Scripted(AllowArn()).Advance(TimeSpan.FromSeconds(-1)));
}
