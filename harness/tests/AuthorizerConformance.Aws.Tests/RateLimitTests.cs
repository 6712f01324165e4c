using AuthorizerConformance.Aws.APIGateway;
using AuthorizerConformance.Aws.APIGateway.Model;
using AuthorizerConformance.Aws.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>The limiter's schedule and the backoff, on an injected clock (no sleeping, no timing).</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The most request starts in any half-open window of one second.</summary>
    internal static int MaxInAnySecond(IReadOnlyList<DateTimeOffset> starts) =>
        starts.Select((s, i) => starts.Skip(i).TakeWhile(t => t - s < TimeSpan.FromSeconds(1)).Count()).DefaultIfEmpty(0).Max();

    [Fact]
    public async Task A_burst_goes_out_at_most_the_rate_in_any_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var starts = new List<DateTimeOffset>();
        var limiter = new RequestRateLimiter(8, time, (d, _) =>
        {
            time.Advance(d);
            return Task.CompletedTask;
        });

        for (var i = 0; i < 20; i++)
        {
            starts.Add(await limiter.WaitAsync(Ct));
        }

        // 8 at once, 8 one window (1 s + the 25 ms jitter margin) later, the last 4 a window after that.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => DateTimeOffset.UnixEpoch + TimeSpan.FromMilliseconds(1025 * (i / 8))), starts);
        Assert.Equal(8, MaxInAnySecond(starts));
    }

    [Theory]
    [InlineData(2.5, 2, 825)]   // 2 starts in any 0.8 s (+ the 25 ms margin)
    [InlineData(0.5, 1, 2025)]  // 1 start in any 2 s
    [InlineData(9.9, 9, 935)]   // 9 in any 0.909… s, rounded up to whole ticks
    public void A_fractional_rate_is_a_smaller_burst_in_a_shorter_window(double rate, int burst, int windowMs)
    {
        var limiter = new RequestRateLimiter(rate);

        Assert.Equal(burst, limiter.Burst);
        Assert.InRange(limiter.Window, TimeSpan.FromMilliseconds(windowMs - 1), TimeSpan.FromMilliseconds(windowMs));
        Assert.True(limiter.Burst / limiter.Window.TotalSeconds <= rate);
    }

    [Fact]
    public async Task Concurrent_callers_never_put_more_than_the_rate_in_any_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var starts = new List<DateTimeOffset>();
        var limiter = new RequestRateLimiter(10, time, (d, _) =>
        {
            // Waiting moves the clock to the end of the wait (several waiters may share it).
            lock (starts)
            {
                var target = time.GetUtcNow() + d;
                if (target > time.GetUtcNow())
                    time.SetUtcNow(target);
            }
            return Task.CompletedTask;
        });

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(async () =>
        {
            // The instant the limiter let this caller out: reading the clock afterwards would race with other waiters
            // that move the shared fake clock on.
            var start = await limiter.WaitAsync(Ct);
            lock (starts)
                starts.Add(start);
        }, Ct)));

        var ordered = starts.Order().ToList();
        Assert.Equal(30, ordered.Count);
        Assert.Equal(10, MaxInAnySecond(ordered));
    }

    [Fact]
    public async Task A_late_timer_does_not_let_requests_catch_up()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var starts = new List<DateTimeOffset>();
        var late = TimeSpan.FromMilliseconds(400);
        var limiter = new RequestRateLimiter(8, time, (d, _) =>
        {
            time.Advance(d + late); // a busy machine: every timer fires 400 ms late
            return Task.CompletedTask;
        });

        for (var i = 0; i < 40; i++)
        {
            starts.Add(await limiter.WaitAsync(Ct));
        }

        Assert.Equal(8, MaxInAnySecond(starts));
    }

    [Fact]
    public async Task Lateness_costs_one_window_not_every_request()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var starts = new List<DateTimeOffset>();
        var limiter = new RequestRateLimiter(8, time, (d, _) =>
        {
            time.Advance(d + TimeSpan.FromMilliseconds(15)); // every timer fires 15 ms late
            return Task.CompletedTask;
        });

        for (var i = 0; i < 80; i++)
        {
            starts.Add(await limiter.WaitAsync(Ct));
        }

        // Nine windows of 1 s + 25 ms margin + 15 ms late: 80 starts within 9.36 s (79 / 9.36 = 8.4/s from the first start
        // to the last). Spacing each start 125 ms after the one before would take 79 × 140 ms = 11.06 s (7.1/s).
        Assert.Equal(DateTimeOffset.UnixEpoch + TimeSpan.FromMilliseconds(9 * 1040), starts[^1]);
        Assert.Equal(8, MaxInAnySecond(starts));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.5)]
    [InlineData(double.NaN)]
    public void A_rate_outside_the_account_budget_is_refused(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RequestRateLimiter(rate));

        Assert.Contains("at most 10/s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throttled_answer_holds_every_caller_back()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var waits = new List<TimeSpan>();
        var limiter = new RequestRateLimiter(8, time, (d, _) =>
        {
            waits.Add(d);
            time.Advance(d);
            return Task.CompletedTask;
        });

        limiter.HoldUntil(DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(3));
        await limiter.WaitAsync(Ct);

        Assert.Equal([TimeSpan.FromSeconds(3)], waits);
    }

    [Theory]
    [InlineData(0, true, null, 1.0, 500)]        // throttling base
    [InlineData(3, true, null, 1.0, 4000)]       // 500 ms × 2³
    [InlineData(10, true, null, 1.0, 20000)]     // capped at 20 s
    [InlineData(2, false, null, 0.5, 200)]       // 100 ms × 2² × jitter 0.5
    [InlineData(0, true, 7000, 0.3, 7000)]       // never sooner than Retry-After
    [InlineData(5, true, 1000, 1.0, 16000)]      // the backoff when it is longer
    public void Backoff_is_full_jitter_exponential_and_honours_Retry_After(int retry, bool throttling, int? retryAfterMs, double random, int expectedMs)
    {
        var wait = ApiGatewayRetryPolicy.Default.Backoff(retry, throttling, retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, random);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), wait);
    }

    // Scenarios call one after another; the clock is the fake's (instant waits), so calls are sequential here. The
    // concurrent burst in real time is the benchmark's (docs/performance.md); concurrency of the limiter is checked above.
    [Fact]
    public async Task A_burst_of_test_invokes_never_reaches_the_fake_faster_than_the_rate()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client();
        var request = new TestInvokeAuthorizerRequest { RestApiId = World.ApiId, AuthorizerId = World.AuthorizerId };

        for (var i = 0; i < 24; i++)
            await client.TestInvokeAuthorizerAsync(request, Ct);

        var arrivals = world.Fake.Requests.Select(r => r.ArrivedAt).Order().ToList();
        Assert.Equal(24, arrivals.Count);
        Assert.Equal(8, MaxInAnySecond(arrivals));
    }

    [Fact]
    public async Task A_429_storm_slows_the_run_down_and_every_call_still_succeeds()
    {
        await using var world = await World.StartAsync();
        using var client = world.Client(c => c with { Jitter = () => 1.0 });
        world.Fake.ThrottleAbove(4, burst: 1, retryAfterSeconds: 1);
        var start = world.Time.GetUtcNow();

        var answers = new List<APIGateway.Model.Stage>();
        for (var i = 0; i < 16; i++)
            answers.Add(await client.GetStageAsync(World.ApiId, "prod", Ct));

        Assert.All(answers, a => Assert.Equal("prod", a.StageName));
        Assert.Contains(world.Fake.Requests, r => r.Status == 429);
        Assert.True(world.Time.GetUtcNow() - start >= TimeSpan.FromSeconds(15.0 / 4), "16 calls at the fake's 4/s take at least 3.75 s");
    }
}
