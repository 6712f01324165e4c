namespace AuthorizerConformance.Aws.Throttling;

/// <summary>
/// One request's slot of a <see cref="RequestRateLimiter"/>, from the instant it was let out (<see cref="Start"/>) until
/// the client saw it end (<see cref="Complete"/>); the slot is free again one window after that. Dispose completes it,
/// so <c>using</c> frees the slot however the attempt ends (answer, failure, timeout, cancellation, a throw).
/// </summary>
public sealed class RateLease : IDisposable
{
    private readonly RequestRateLimiter _limiter;

    internal RateLease(RequestRateLimiter limiter, DateTimeOffset start) => (_limiter, Start) = (limiter, start);

    /// <summary>The instant the limiter let the request out (read under its lock: the start it accounts for).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The instant the request was seen to end (its slot's window starts there); null while in flight.</summary>
    public DateTimeOffset? End { get; private set; }

    /// <summary>The request ended now (its answer was read, or it failed); later calls keep the first end.</summary>
    public void Complete()
    {
        if (_limiter.Release(this) is { } end)
            End = end;
    }

    /// <summary>Completes the lease if it is not yet (an attempt that threw ends when it is disposed).</summary>
    public void Dispose() => Complete();
}
