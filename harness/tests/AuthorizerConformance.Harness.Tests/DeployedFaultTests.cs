using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Targets.Deployed;
using AuthorizerConformance.Harness.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Harness.Tests;

/// <summary>
/// Every fault the fake control plane injects, met by a scenario's request on the <c>test-invoke:</c> target through
/// the same path the steps use (<see cref="StageSession"/> → emulated gateway → TestInvokeAuthorizer): a transient fault
/// is retried and the scenario's verdict is the authorizer's; a lasting one fails the request with a message naming it.
/// Never a 500 or 401 that a scenario could take for the authorizer's answer. Waits run on a fake clock.
/// </summary>
public sealed class DeployedFaultTests
{
    private static readonly string Secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Rig(FakeApiGatewayControlPlane fake, TestInvokeTarget target, List<TimeSpan> waits) : IAsyncDisposable
    {
        public FakeApiGatewayControlPlane Fake => fake;
        public List<TimeSpan> Waits => waits;

        public async Task<GatewayResult> SendAsync()
        {
            var session = new StageSession(target, DateTimeOffset.UtcNow);
            session.Authorizers["A"] = new JsonObject
            {
                ["type"] = "TOKEN", ["identitySource"] = "method.request.header.Authorization", ["resultTtlInSeconds"] = 0,
                ["function"] = new JsonObject { ["kind"] = StageSession.TargetKind },
            };
            session.Api["routes"] = new JsonArray(new JsonObject { ["method"] = "GET", ["resource"] = "/pets/{id}", ["authorizer"] = "A" });
            var token = TokenFactory.Mint(ClaimsBuilder.Standard(DateTimeOffset.UtcNow).Build(), "HS256", SigningKey.Hmac(Secret));
            return await session.SendAsync(new ClientRequest { Method = "GET", Path = "/pets/1", Headers = [new("Authorization", "Bearer " + token)] }, Ct);
        }

        public async ValueTask DisposeAsync()
        {
            target.Dispose();
            await fake.DisposeAsync();
        }
    }

    private static async Task<Rig> StartAsync(TimeSpan? attemptTimeout = null)
    {
        var fake = await new FakeApiGatewayControlPlane([new FakeRestApi
        {
            Id = "abc123",
            Authorizers = [new FakeAuthorizer
            {
                Id = "auth01",
                Function = _ => ReferenceFunctionFactory.Create("token", new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = Secret }, TimeProvider.System),
            }],
        }]).StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var waits = new List<TimeSpan>();
        var profile = AuthorizerProfileReader.Parse("""{"function": "test-invoke:abc123/auth01", "region": "us-east-1", "tokens": {"alg": "HS256", "secret": "env:S"}}""",
            "faults.json", Path.GetTempPath()).OrThrow();
        var config = new AmazonAPIGatewayConfig
        {
            RegionEndpoint = RegionEndpoint.USEast1, ServiceURL = fake.Endpoint.ToString(),
            Credentials = new BasicAWSCredentials(fake.Credentials.AccessKeyId, fake.Credentials.SecretAccessKey),
            TimeProvider = time, Jitter = () => 0.5,
            Delay = (d, _) =>
            {
                lock (waits)
                {
                    waits.Add(d);
                    time.Advance(d);
                }
                return Task.CompletedTask;
            },
        };
        // The attempt timeout runs on the client's clock: a test of it uses the real one (no waits happen in it).
        var target = new TestInvokeTarget(profile, attemptTimeout is { } limit ? config with { Timeout = limit, TimeProvider = TimeProvider.System, Delay = null } : config);
        _ = target.Profile; // discovery first, so the faults meet the scenario's test invoke
        return new Rig(fake, target, waits);
    }

    [Fact]
    public async Task A_429_storm_with_Retry_After_slows_the_request_and_the_authorizer_s_verdict_stands()
    {
        await using var rig = await StartAsync();
        rig.Fake.Inject(new FakeFault.Throttle(3), times: 4);

        var result = await rig.SendAsync();

        Assert.Equal((200, true), (result.Status, result.Integration.Invoked));
        Assert.True(rig.Waits.Count(w => w >= TimeSpan.FromSeconds(3)) >= 4, string.Join(", ", rig.Waits));
    }

    [Fact]
    public async Task A_429_storm_past_the_retry_budget_fails_the_request_naming_the_throttling()
    {
        await using var rig = await StartAsync();
        rig.Fake.Inject(new FakeFault.Throttle(1), times: 50);

        var e = await Assert.ThrowsAsync<AmazonAPIGatewayException>(rig.SendAsync);

        Assert.True(e.IsThrottling);
        Assert.Contains("TooManyRequests", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_passing_5xx_is_retried_and_the_authorizer_s_verdict_stands(int status)
    {
        await using var rig = await StartAsync();
        rig.Fake.Inject(new FakeFault.ServerError(status), times: 2);

        var result = await rig.SendAsync();

        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task Access_denied_fails_the_request_naming_the_missing_permission()
    {
        await using var rig = await StartAsync();
        rig.Fake.Inject(new FakeFault.AccessDenied());

        var e = await Assert.ThrowsAsync<AmazonAPIGatewayException>(rig.SendAsync);

        Assert.Contains("apigateway:POST", e.Message, StringComparison.Ordinal);
        Assert.Contains("arn:aws:apigateway:us-east-1::/restapis/abc123/authorizers/auth01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_credentials_fail_the_request_saying_so()
    {
        await using var rig = await StartAsync();
        rig.Fake.Inject(new FakeFault.ExpiredToken());

        var e = await Assert.ThrowsAsync<AmazonAPIGatewayException>(rig.SendAsync);

        Assert.Equal("ExpiredTokenException", e.ErrorType);
        Assert.Contains("expired", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_slow_answer_fails_the_request_after_the_attempt_timeout_and_is_never_taken_for_the_function_timing_out()
    {
        await using var rig = await StartAsync(attemptTimeout: TimeSpan.FromMilliseconds(300));
        rig.Fake.Inject(new FakeFault.Slow(TimeSpan.FromSeconds(30)));

        var e = await Assert.ThrowsAsync<AmazonAPIGatewayException>(rig.SendAsync);

        Assert.Equal(AmazonAPIGatewayException.TimeoutError, e.ErrorType);
    }

    [Fact]
    public async Task A_reset_connection_is_retried_and_a_lasting_one_fails_the_request_naming_the_endpoint()
    {
        await using var rig = await StartAsync();
        rig.Fake.Inject(new FakeFault.ConnectionReset());
        var once = await rig.SendAsync();
        rig.Fake.Inject(new FakeFault.ConnectionReset(), times: 50);

        var e = await Assert.ThrowsAsync<AmazonAPIGatewayException>(rig.SendAsync);

        Assert.Equal(200, once.Status);
        Assert.Equal(AmazonAPIGatewayException.ConnectionError, e.ErrorType);
        Assert.Contains("127.0.0.1", e.Message, StringComparison.Ordinal);
    }
}
