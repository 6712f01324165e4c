using AuthorizerConformance.Aws.Fakes;
using AuthorizerConformance.Aws.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Aws.Tests;

/// <summary>The limiter's schedule and the backoff, on an injected clock (no sleeping, no timing). A request "ends" when
/// its lease is completed; on the fake clock a request completed at once took no time.</summary>
public sealed class RateLimitTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The most of <paramref name="instants"/> in any half-open window of one second.</summary>
    internal static int MaxInAnySecond(IEnumerable<DateTimeOffset> instants) => SlidingWindow.MaxCount(instants, TimeSpan.FromSeconds(1));

    /// <summary>A limiter on <paramref name="time"/> whose waits move the clock on (<paramref name="late"/> more: a busy machine).</summary>
    private static RequestRateLimiter Limiter(double rate, FakeTimeProvider time, List<TimeSpan>? waits = null, TimeSpan late = default) =>
        new(rate, time, (d, _) =>
        {
            waits?.Add(d);
            time.Advance(d + late);
            return Task.CompletedTask;
        });

    /// <summary><paramref name="count"/> requests one after another, each ending the instant it starts; their starts.</summary>
    private static async Task<List<DateTimeOffset>> InstantRequests(RequestRateLimiter limiter, int count)
    {
        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < count; i++)
        {
            using var lease = await limiter.WaitAsync(Ct);
            starts.Add(lease.Start);
        }
        return starts;
    }

    [Fact]
    public async Task A_burst_goes_out_at_most_the_rate_in_any_second()
    {
        var time = new FakeTimeProvider(T0);

        var starts = await InstantRequests(Limiter(8, time), 20);

        // 8 at once, 8 one window (exactly 1 s, no margin) after they ended, the last 4 a window after that.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => T0 + TimeSpan.FromSeconds(i / 8)), starts);
        Assert.Equal(8, MaxInAnySecond(starts));
    }

    [Theory]
    [InlineData(8, 8, 1000)]
    [InlineData(2.5, 2, 800)]   // 2 requests in any 0.8 s
    [InlineData(0.5, 1, 2000)]  // 1 in any 2 s
    [InlineData(9.9, 9, 910)]   // 9 in any 0.909… s, rounded up to whole ticks
    public void A_fractional_rate_is_a_smaller_burst_in_a_shorter_window(double rate, int burst, int windowMs)
    {
        var limiter = new RequestRateLimiter(rate);

        Assert.Equal(burst, limiter.Burst);
        Assert.InRange(limiter.Window, TimeSpan.FromMilliseconds(windowMs - 1), TimeSpan.FromMilliseconds(windowMs));
        Assert.True(limiter.Burst / limiter.Window.TotalSeconds <= rate);
    }

    [Fact]
    public async Task A_slot_is_not_reused_while_its_request_is_in_flight()
    {
        var time = new FakeTimeProvider(T0);
        var waits = new List<TimeSpan>();
        var limiter = Limiter(8, time, waits);
        var inFlight = new List<RateLease>();
        for (var i = 0; i < 8; i++)
            inFlight.Add(await limiter.WaitAsync(Ct));

        var ninth = limiter.WaitAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(5)); // five seconds in flight: far more than a window since they started

        Assert.False(ninth.IsCompleted);
        Assert.Empty(waits);
        inFlight[3].Complete();
        var lease = await ninth;
        Assert.Equal(T0 + TimeSpan.FromSeconds(6), lease.Start); // one window after the end, not after the start
        Assert.Equal([TimeSpan.FromSeconds(1)], waits);
        foreach (var other in inFlight)
            other.Dispose();
        lease.Dispose();
    }

    [Fact]
    public async Task The_next_burst_waits_one_window_after_the_completions()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = Limiter(8, time);
        var first = new List<RateLease>();
        for (var i = 0; i < 8; i++)
            first.Add(await limiter.WaitAsync(Ct));

        // Round trips of 100, 110, … 170 ms: each slot is free one window after its own request ended.
        for (var i = 0; i < 8; i++)
        {
            time.SetUtcNow(T0 + TimeSpan.FromMilliseconds(100 + 10 * i));
            first[i].Complete();
        }
        var second = await InstantRequests(limiter, 8);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => T0 + TimeSpan.FromMilliseconds(1100 + 10 * i)), second);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => T0 + TimeSpan.FromMilliseconds(100 + 10 * i)), first.Select(l => l.End!.Value));
    }

    [Fact]
    public async Task Completing_twice_keeps_the_first_end_and_frees_one_slot()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = Limiter(1, time);
        var lease = await limiter.WaitAsync(Ct);
        lease.Complete();
        time.Advance(TimeSpan.FromMilliseconds(500));
        lease.Dispose();

        Assert.Equal(T0, lease.End);
        Assert.Equal(T0 + TimeSpan.FromSeconds(1), (await limiter.WaitAsync(Ct)).Start);
    }

    [Fact]
    public async Task A_lease_disposed_by_a_throw_frees_its_slot()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = Limiter(1, time);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            using var lease = await limiter.WaitAsync(Ct);
            time.Advance(TimeSpan.FromMilliseconds(300));
            throw new InvalidOperationException("the attempt failed");
        });

        Assert.Equal(T0 + TimeSpan.FromMilliseconds(1300), (await limiter.WaitAsync(Ct)).Start);
    }

    [Fact]
    public async Task Cancellation_while_waiting_takes_no_slot()
    {
        var time = new FakeTimeProvider(T0);
        // Waits of a cancellable caller never end by themselves; the others move the clock on.
        var limiter = new RequestRateLimiter(1, time, (d, ct) =>
        {
            if (ct.CanBeCanceled)
                return Task.Delay(Timeout.InfiniteTimeSpan, ct);
            time.Advance(d);
            return Task.CompletedTask;
        });
        var inFlight = await limiter.WaitAsync(CancellationToken.None);

        using var whileBusy = new CancellationTokenSource();
        var busyWait = limiter.WaitAsync(whileBusy.Token);
        await whileBusy.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => busyWait);
        inFlight.Complete();
        using var inWindow = new CancellationTokenSource();
        var windowWait = limiter.WaitAsync(inWindow.Token);
        await inWindow.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => windowWait);

        // Neither cancelled caller took the one slot: the next request starts one window after the first ended (its wait
        // moves the fake clock at once, so it is done here; a slot taken by a cancelled caller would leave it waiting).
        var next = limiter.WaitAsync(CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        Assert.Equal(T0 + TimeSpan.FromSeconds(1), (await next).Start);
    }

    [Fact]
    public async Task Concurrent_callers_never_put_more_than_the_rate_in_any_second()
    {
        var time = new FakeTimeProvider(T0);
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
            using var lease = await limiter.WaitAsync(Ct);
            lock (starts)
                starts.Add(lease.Start);
        }, Ct)));

        Assert.Equal(30, starts.Count);
        Assert.Equal(10, MaxInAnySecond(starts));
    }

    [Fact]
    public async Task A_late_timer_does_not_let_requests_catch_up()
    {
        var time = new FakeTimeProvider(T0);

        var starts = await InstantRequests(Limiter(8, time, late: TimeSpan.FromMilliseconds(400)), 40);

        Assert.Equal(8, MaxInAnySecond(starts));
    }

    [Fact]
    public async Task Lateness_costs_one_window_not_every_request()
    {
        var time = new FakeTimeProvider(T0);

        var starts = await InstantRequests(Limiter(8, time, late: TimeSpan.FromMilliseconds(15)), 80);

        // Nine windows of 1 s + 15 ms late: 80 starts within 9.135 s (79 / 9.135 = 8.6/s from the first start to the
        // last). Spacing each start 125 ms after the one before would take 79 × 140 ms = 11.06 s (7.1/s).
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(9 * 1015), starts[^1]);
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
        var time = new FakeTimeProvider(T0);
        var waits = new List<TimeSpan>();
        var limiter = Limiter(8, time, waits);

        limiter.HoldUntil(T0 + TimeSpan.FromSeconds(3));
        using var lease = await limiter.WaitAsync(Ct);

        Assert.Equal([TimeSpan.FromSeconds(3)], waits);
        Assert.Equal(T0 + TimeSpan.FromSeconds(3), lease.Start);
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
}
