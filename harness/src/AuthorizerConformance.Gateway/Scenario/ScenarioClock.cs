namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>The scenario's clock: the start time plus the current request's <c>atSeconds</c>. Only moves forward.</summary>
public sealed class ScenarioClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private TimeSpan _elapsed;

    public ScenarioClock(DateTimeOffset start) => _start = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start + _elapsed;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock to <paramref name="elapsed"/> after the start.</summary>
    public void MoveTo(TimeSpan elapsed)
    {
        if (elapsed < _elapsed)
            throw new ArgumentOutOfRangeException(nameof(elapsed), "The scenario clock never runs backwards.");
        _elapsed = elapsed;
    }
}
