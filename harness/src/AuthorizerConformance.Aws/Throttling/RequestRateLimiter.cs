namespace AuthorizerConformance.Aws.Throttling;

/// <summary>
/// One client-side rate limit for API Gateway control-plane calls. It holds <see cref="Burst"/> slots (the rate rounded
/// down); every HTTP attempt, retries included, takes a slot for as long as it is in flight and for one
/// <see cref="Window"/> (<see cref="Burst"/> / rate: one second for a whole-number rate) after the client saw it end
/// (its answer read, or the attempt failed, timed out or was cancelled). So a request starts at least one window after
/// the end of the request a burst before it. The service receives a request before the client sees it end, so any two
/// requests a burst apart reach the service more than a window apart, whatever the network's jitter: no window of
/// <see cref="Window"/> at the service ever holds more than <see cref="Burst"/> arrivals. (Measuring windows from the
/// starts, as this limiter did before, let a burst's spread of arrival times put 9 in one second at 8/s.) The cost is
/// the round trip: the long-run ceiling is <see cref="Burst"/> per (<see cref="Window"/> + round-trip latency).
/// The account's control-plane budget is 10 requests/s (burst 40) for all callers together, so the default stays below
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

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly RateLease?[] _holders;
    private readonly DateTimeOffset[] _ends;
    private TaskCompletionSource? _released;
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
        Window = TimeSpan.FromTicks((long)Math.Ceiling(Burst * TimeSpan.TicksPerSecond / requestsPerSecond));
        _holders = new RateLease?[Burst];
        _ends = new DateTimeOffset[Burst];
        Array.Fill(_ends, DateTimeOffset.MinValue);
    }

    /// <summary>The configured rate.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>The most requests in flight or ended less than <see cref="Window"/> ago: the rate rounded down (at least 1).</summary>
    public int Burst { get; }

    /// <summary>How long a slot stays taken after its request ended: <see cref="Burst"/> / rate, rounded up to a whole
    /// tick (exactly one second for a whole-number rate).</summary>
    public TimeSpan Window { get; }

    /// <summary>
    /// Waits until a request may start: a slot is free (its last request ended at least one <see cref="Window"/> ago, or
    /// it was never used) and no hold is on. The returned lease holds the slot until <see cref="RateLease.Complete"/> or
    /// <see cref="RateLease.Dispose"/>; use it with <c>using</c> around the attempt, so a throw still frees the slot.
    /// Cancelled while waiting, it takes no slot.
    /// </summary>
    public async Task<RateLease> WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task? released = null;
            var wait = TimeSpan.Zero;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                var slot = FreeSlotEndedFirst();
                if (slot < 0)
                {
                    // Every slot is in flight: only a completion can free one (its window then starts).
                    _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    released = _released.Task;
                }
                else
                {
                    var ended = _ends[slot];
                    var earliest = ended == DateTimeOffset.MinValue ? _hold : Max(ended + Window, _hold);
                    if (now >= earliest)
                    {
                        var lease = new RateLease(this, now);
                        _holders[slot] = lease;
                        return lease;
                    }
                    wait = earliest - now;
                }
            }
            if (released is not null)
                await released.WaitAsync(cancellationToken).ConfigureAwait(false);
            else
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

    /// <summary>Frees <paramref name="lease"/>'s slot from now on (the window starts now); a second call does nothing.</summary>
    internal DateTimeOffset? Release(RateLease lease)
    {
        TaskCompletionSource? released;
        DateTimeOffset now;
        lock (_gate)
        {
            var slot = Array.IndexOf(_holders, lease);
            if (slot < 0)
                return null;
            now = _time.GetUtcNow();
            _holders[slot] = null;
            _ends[slot] = now;
            released = _released;
            _released = null;
        }
        released?.TrySetResult();
        return now;
    }

    private int FreeSlotEndedFirst()
    {
        var slot = -1;
        for (var i = 0; i < _holders.Length; i++)
        {
            if (_holders[i] is null && (slot < 0 || _ends[i] < _ends[slot]))
                slot = i;
        }
        return slot;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
