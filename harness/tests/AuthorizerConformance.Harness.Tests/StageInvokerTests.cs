using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness.Targets.Deployed;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>Real HTTP to a stage (the fake stage serving the emulation with the reference authorizer), and snapshots.</summary>
public sealed class StageInvokerTests
{
    private static readonly string Secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<FakeStage> StageAsync()
    {
        var scenario = ScenarioParser.Parse("""
            {"api": {"type": "REST", "stage": "prod", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}]},
             "authorizers": {"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "function": {"kind": "reference"}}},
             "requests": []}
            """).Scenario!;
        var gateway = new ApiGateway(scenario.Api, scenario.Authorizers,
            _ => ReferenceFunctionFactory.Create("token", new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = Secret }, TimeProvider.System), TimeProvider.System);
        return await new FakeStage(gateway, "prod").StartAsync();
    }

    private static ClientRequest Get(string? token) => new()
    {
        Method = "GET", Path = "/pets/1", Query = "a=1&a=2", Headers = token is null ? [] : [new("Authorization", "Bearer " + token)],
    };

    [Fact]
    public async Task A_stage_answers_with_its_real_status_headers_and_body()
    {
        await using var stage = await StageAsync();
        using var http = new HttpClient();
        var invoker = new StageInvoker(http, stage.Url);
        var token = TokenFactory.Mint(ClaimsBuilder.Standard(DateTimeOffset.UtcNow).Build(), "HS256", SigningKey.Hmac(Secret));

        var allowed = await invoker.SendAsync(Get(token), Ct);
        var refused = await invoker.SendAsync(Get(null), Ct);

        Assert.Equal(200, allowed.Status);
        Assert.Equal(401, refused.Status);
        Assert.Contains(refused.Headers, h => h.Key == "x-amzn-ErrorType" && h.Value == "UnauthorizedException");
        Assert.Equal("{\"message\":\"Unauthorized\"}", refused.Body);
        Assert.Contains("\"resourcePath\":\"/pets/{id}\"", Assert.Single(stage.Results, r => r.Status == 200).Integration.RequestContext, StringComparison.Ordinal);
        Assert.Equal(new Uri(stage.Url + "/pets/1?a=1&a=2"), invoker.UrlFor(Get(null)));
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_a_timeout_naming_the_request()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start(); // accepts connections, never answers
        var url = new Uri($"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/prod");
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => new StageInvoker(http, url, TimeSpan.FromMilliseconds(200)).SendAsync(Get(null), Ct));

        Assert.Contains("GET http://127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("/prod/pets/1 got no answer within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshots_drop_the_volatile_fields_and_list_every_difference()
    {
        var one = new StageResponse(401, [new("Date", "Sun, 06 Dec 2026 13:00:00 GMT"), new("x-amzn-RequestId", "r-1"), new("Content-Type", "application/json"),
            new("x-amzn-ErrorType", "UnauthorizedException")], "{\"message\":\"Unauthorized\"}");
        var two = one with { Headers = [new("x-amzn-ErrorType", "UnauthorizedException"), new("content-type", "application/json"), new("Date", "Mon, 07 Dec 2026 09:00:00 GMT"), new("x-amzn-RequestId", "r-2")] };
        var other = new StageResponse(403, [new("Content-Type", "application/json"), new("x-amzn-ErrorType", "AccessDeniedException")], "{\"Message\":\"User is not authorized to access this resource\"}");

        Assert.Empty(StageSnapshot.Differences(StageSnapshot.Of(one), StageSnapshot.Of(two)));
        Assert.Equal(
        [
            "status: expected 401, got 403",
            "header x-amzn-errortype: expected UnauthorizedException, got AccessDeniedException",
            "body: expected \"{\\u0022message\\u0022:\\u0022Unauthorized\\u0022}\", got \"{\\u0022Message\\u0022:\\u0022User is not authorized to access this resource\\u0022}\"",
        ], StageSnapshot.Differences(StageSnapshot.Of(one), StageSnapshot.Of(other)));
    }
}
