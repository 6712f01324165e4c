namespace AuthorizerConformance.Aws.Throttling;

/// <summary>
/// One client-side rate limit for API Gateway control-plane calls: actual request starts are spaced at least
/// 1/<see cref="RequestsPerSecond"/> apart (no burst), so no window of one second ever holds more than
/// <see cref="RequestsPerSecond"/> starts. The account's control-plane budget is 10 requests/s (burst 40) for all
/// callers together, so the default stays below it (8/s) and nothing above it can be configured. A throttled
/// answer pushes the next start back (<see cref="HoldUntil"/>), so one 429 slows every caller, not only the one
/// that saw it. Thread-safe; time and waiting are injected so tests can check the schedule without sleeping.
/// </summary>
public sealed class RequestRateLimiter
{
    /// <summary>The default rate: below the account's 10/s so other tools of the account keep some budget.</summary>
    public const double DefaultRequestsPerSecond = 8;

    /// <summary>The account-wide control-plane budget; a higher configured rate is refused.</summary>
    public const double MaximumRequestsPerSecond = 10;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly TimeSpan _interval;
    private DateTimeOffset _next = DateTimeOffset.MinValue;

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
        _interval = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / requestsPerSecond));
    }

    /// <summary>The configured rate.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>
    /// Waits until this request may start: at least one interval after the previous request actually started, and not
    /// before a hold. The gap is measured from actual starts, never from a precomputed schedule, so timers that fire
    /// late on a busy machine never let several requests out at once to "catch up".
    /// </summary>
    /// <returns>The instant the request was let out (read under the limiter's lock, so it is the start the gap is measured from).</returns>
    public async Task<DateTimeOffset> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                var earliest = _next;
                if (now >= earliest)
                {
                    _next = now + _interval;
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
            if (until > _next)
                _next = until;
        }
    }
}
