namespace AuthorizerConformance.Aws.Throttling;

/// <summary>
/// When and how long to wait before trying an API Gateway call again. Only throttling (429) and server faults
/// (500, 502, 503, 504) and failed connections are retried. The wait is full-jitter exponential backoff
/// (<c>random × min(base × 2^retry, MaxBackoff)</c>, base 500 ms for throttling, 100 ms otherwise, as the AWS SDKs'
/// standard mode) and never shorter than the service's <c>Retry-After</c>. The retry budget is both
/// <see cref="MaxAttempts"/> and <see cref="MaxTotalWait"/>: once either is spent the call fails with the last error.
/// </summary>
public sealed record ApiGatewayRetryPolicy
{
    /// <summary>The defaults: 10 attempts, at most 3 minutes of waiting per call.</summary>
    public static ApiGatewayRetryPolicy Default { get; } = new();

    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Waiting allowed across the retries of one call.</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Backoff base for throttling answers.</summary>
    public TimeSpan ThrottlingBase { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Backoff base for server faults and failed connections.</summary>
    public TimeSpan TransientBase { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The cap of the exponential part.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Whether an answer with <paramref name="status"/> is worth another attempt.</summary>
    public static bool IsRetryable(int status) => status is 429 or 500 or 502 or 503 or 504;

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first retry); <paramref name="random"/> in [0, 1).</summary>
    public TimeSpan Backoff(int retry, bool throttling, TimeSpan? retryAfter, double random)
    {
        var unit = throttling ? ThrottlingBase : TransientBase;
        var exponential = TimeSpan.FromTicks((long)Math.Min(unit.Ticks * Math.Pow(2, Math.Min(retry, 30)), MaxBackoff.Ticks));
        var jittered = TimeSpan.FromTicks((long)(exponential.Ticks * Math.Clamp(random, 0, 1)));
        return retryAfter is { } after && after > jittered ? after : jittered;
    }
}
