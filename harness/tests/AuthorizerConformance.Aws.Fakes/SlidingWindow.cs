namespace AuthorizerConformance.Aws.Fakes;

/// <summary>Counting instants the way a rate quota does: the most of them in any sliding window.</summary>
public static class SlidingWindow
{
    /// <summary>
    /// The most of <paramref name="instants"/> (any order) in any half-open window [s, s + <paramref name="window"/>) over
    /// all s. The busiest window can always be moved to start at one of the instants, so every instant is tried as a start.
    /// </summary>
    public static int MaxCount(IEnumerable<DateTimeOffset> instants, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(instants);
        var sorted = instants.Order().ToArray();
        var most = 0;
        var last = 0;
        for (var first = 0; first < sorted.Length; first++)
        {
            while (last < sorted.Length && sorted[last] - sorted[first] < window)
                last++;
            most = Math.Max(most, last - first);
        }
        return most;
    }
}
