namespace AuthorizerConformance.Aws.Fakes;

/// <summary>An AWS-like throttle: <c>rate</c> tokens per second up to <c>burst</c>; an empty bucket answers how long to wait.</summary>
internal sealed class TokenBucket(double rate, int burst, int retryAfterSeconds, DateTimeOffset start)
{
    private double _tokens = burst;
    private DateTimeOffset _last = start;

    /// <summary>Takes a token at <paramref name="now"/>; null when granted, else the Retry-After to answer.</summary>
    public TimeSpan? Take(DateTimeOffset now)
    {
        _tokens = Math.Min(burst, _tokens + (now - _last).TotalSeconds * rate);
        _last = now;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return null;
        }
        return TimeSpan.FromSeconds(retryAfterSeconds);
    }
}
