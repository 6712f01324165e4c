using AuthorizerConformance.Aws.APIGateway.Model;
using AuthorizerConformance.Aws.Fakes;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>The client's rate limit as the fake control plane counts it: arrivals in every sliding one-second window.</summary>
public sealed class RateLimitAtTheFakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestInvokeAuthorizerRequest Invoke => new() { RestApiId = World.ApiId, AuthorizerId = World.AuthorizerId };

    // On the shared fake clock (instant waits, requests take no time) the calls go one after another.
    [Fact]
    public async Task A_burst_of_test_invokes_never_reaches_the_fake_faster_than_the_rate()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();

        for (var i = 0; i < 24; i++)
            await client.TestInvokeAuthorizerAsync(Invoke, Ct);

        Assert.Equal(24, world.Fake.Requests.Count);
        Assert.Equal(8, world.Fake.MaxArrivalsInAnySecond);
    }

    // Real time and real concurrency (24 calls at once, three bursts: about 2 s). The bound holds by construction, not
    // by timing: the fake records a request's arrival before it answers, the client sees the answer after that and
    // lets the request a burst later out one second after it saw the answer, so two arrivals a burst apart are more
    // than a second apart whatever the scheduling. No speed is asserted (that is the aws-rate benchmark's).
    [Fact]
    public async Task A_concurrent_burst_in_real_time_never_puts_more_than_the_rate_in_any_second_at_the_fake()
    {
        await using var world = await World.StartAsync(fakeClock: TimeProvider.System);
        using var client = world.Client(c => c with { TimeProvider = TimeProvider.System, Delay = null });

        var request = Invoke with { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + World.ValidToken() } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => client.TestInvokeAuthorizerAsync(request, Ct)));

        Assert.All(answers, a => Assert.Equal(0, a.ClientStatus)); // the reference authorizer ran and allowed every call
        Assert.Equal(24, world.Fake.Requests.Count);
        Assert.InRange(world.Fake.MaxArrivalsInAnySecond, 1, 8);
    }

    [Fact]
    public async Task Every_retry_takes_a_slot_of_the_rate()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client(c => c with { RequestsPerSecond = 1 });
        world.Fake.Inject(new FakeFault.ServerError(503), times: 2);
        var start = world.Time.GetUtcNow();

        var stage = await client.GetStageAsync(World.ApiId, "prod", Ct);

        // Backoffs of 50 and 100 ms, but one attempt per second: each retry waits out the window after the attempt before.
        Assert.Equal("prod", stage.StageName);
        Assert.Equal([start, start + TimeSpan.FromSeconds(1), start + TimeSpan.FromSeconds(2)], world.Fake.Requests.Select(r => r.ArrivedAt));
        Assert.Equal(1, world.Fake.MaxArrivalsInAnySecond);
    }

    [Fact]
    public async Task A_429_storm_slows_the_run_down_and_every_call_still_succeeds()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client(c => c with { Jitter = () => 1.0 });
        world.Fake.ThrottleAbove(4, burst: 1, retryAfterSeconds: 1);
        var start = world.Time.GetUtcNow();

        var answers = new List<Stage>();
        for (var i = 0; i < 16; i++)
            answers.Add(await client.GetStageAsync(World.ApiId, "prod", Ct));

        Assert.All(answers, a => Assert.Equal("prod", a.StageName));
        Assert.Contains(world.Fake.Requests, r => r.Status == 429);
        Assert.True(world.Time.GetUtcNow() - start >= TimeSpan.FromSeconds(15.0 / 4), "16 calls at the fake's 4/s take at least 3.75 s");
    }
}
