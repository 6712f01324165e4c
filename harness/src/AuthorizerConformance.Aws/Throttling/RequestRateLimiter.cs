namespace AuthorizerConformance.Aws.Throttling;

/// <summary>
/// One client-side rate limit for API Gateway control-plane calls: no window of <see cref="Window"/> (one second for a
/// whole-number rate, plus a 25 ms margin for network jitter) ever holds more than <see cref="Burst"/> actual request
/// starts, so the configured rate is never exceeded in any second. Each start is measured from the start <see cref="Burst"/> places before it, so a timer that
/// fires late on a busy machine costs that one request its lateness, not every later one (spacing every start one
/// interval after the previous one loses the lateness for good: 125 + 15 ms per request is 7.1/s at 8/s). The
/// account's control-plane budget is 10 requests/s (burst 40) for all callers together, so the default stays below
/// it (8/s, a burst of 8) and nothing above it can be configured. A throttled answer pushes every start back
/// (<see cref="HoldUntil"/>), so one 429 slows every caller, not only the one that saw it. Thread-safe; time and
/// waiting are injected so tests can check the schedule without sleeping.
/// </summary>
public sealed class RequestRateLimiter
{
    /// <summary>The default rate: below the account's 10/s so other tools of the account keep some budget.</summary>
    public const double DefaultRequestsPerSecond = 8;

    /// <summary>The account-wide control-plane budget; a higher configured rate is refused.</summary>
    public const double MaximumRequestsPerSecond = 10;

    /// <summary>Added to every window so that jitter between the client and the service (the requests of one window
    /// reaching it later than the first of the next) still never puts more than <see cref="Burst"/> into one window
    /// as the service counts them.</summary>
    public static readonly TimeSpan JitterMargin = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly DateTimeOffset[] _starts;
    private int _oldest;
    private DateTimeOffset _hold = DateTimeOffset.MinValue;

    /// <summary>A limiter of <paramref name="requestsPerSecond"/> (0 &lt; rate ≤ 10) on <paramref name="time"/>;
    /// <paramref name="delay"/> waits (default: <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not in (0, 10].</exception>
    public RequestRateLimiter(double requestsPerSecond = DefaultRequestsPerSecond, TimeProvider? time = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        if (!(requestsPerSecond > 0 && requestsPerSecond <= MaximumRequestsPerSecond))
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond,
                $"The API Gateway request rate must be more than 0 and at most {MaximumRequestsPerSecond}/s (the account's control-plane budget).");
        RequestsPerSecond = requestsPerSecond;
        _time = time ?? TimeProvider.System;
        _delay = delay ?? ((d, ct) => Task.Delay(d, _time, ct));
        Burst = Math.Max(1, (int)Math.Floor(requestsPerSecond));
        Window = TimeSpan.FromTicks((long)Math.Ceiling(Burst * TimeSpan.TicksPerSecond / requestsPerSecond)) + JitterMargin;
        _starts = new DateTimeOffset[Burst];
        Array.Fill(_starts, DateTimeOffset.MinValue);
    }

    /// <summary>The configured rate.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>The most starts in any <see cref="Window"/>: the rate rounded down (at least 1).</summary>
    public int Burst { get; }

    /// <summary><see cref="Burst"/> / rate (one second for a whole-number rate) plus <see cref="JitterMargin"/>.</summary>
    public TimeSpan Window { get; }

    /// <summary>
    /// Waits until this request may start: one <see cref="Window"/> after the start <see cref="Burst"/> places before it,
    /// and not before a hold. Starts are the instants actually let out, never a precomputed schedule, so timers that fire
    /// late never let more than <see cref="Burst"/> requests into a window to "catch up".
    /// </summary>
    /// <returns>The instant the request was let out (read under the limiter's lock, so it is the start the window counts).</returns>
    public async Task<DateTimeOffset> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                var oldest = _starts[_oldest];
                var earliest = oldest == DateTimeOffset.MinValue ? _hold : Max(oldest + Window, _hold);
                if (now >= earliest)
                {
                    _starts[_oldest] = now;
                    _oldest = (_oldest + 1) % _starts.Length;
                    return now;
                }
                wait = earliest - now;
            }
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No request starts before <paramref name="until"/> (the service asked us to back off).</summary>
    public void HoldUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _hold)
                _hold = until;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
