using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// Stage 3, the authorizer result cache of one API stage (CAC-5). What is cached is the authorizer's validated
/// output, never a decision for one method (CAC-3), so a hit is evaluated again against the new ARN (CAC-4).
/// Expiry follows the injected clock. Failures are not cached (CAC-7), except 401s when the profile says so.
/// </summary>
internal sealed class AuthorizerResultCache
{
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public AuthorizerResultCache(TimeProvider time) => _time = time;

    /// <summary>
    /// CAC-2, REQ-7: the key is the authorizer plus the ordered identity values (the token for TOKEN), length-prefixed
    /// (<see cref="CompositeKey"/>) so distinct value lists never share an entry.
    /// </summary>
    public static string Key(string authorizer, IReadOnlyList<string> identityValues) => CompositeKey.Of(authorizer, identityValues);

    public CachedOutcome? Get(string key, bool slideOnHit)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        var now = _time.GetUtcNow();
        if (now >= entry.ExpiresAt)
        {
            _entries.Remove(key);
            return null;
        }
        // CAC-9 (L): by default the TTL counts from the store and a hit does not refresh it.
        if (slideOnHit)
            _entries[key] = entry with { ExpiresAt = Later(now, entry.Ttl) };
        return entry.Outcome;
    }

    /// <summary>HTTP-9: <c>ResetAuthorizersCache</c> empties the stage's cache.</summary>
    public void Clear() => _entries.Clear();

    public void Put(string key, CachedOutcome outcome, int ttlSeconds)
    {
        var ttl = TimeSpan.FromSeconds(ttlSeconds);
        _entries[key] = new Entry(outcome, ttl, Later(_time.GetUtcNow(), ttl));
    }

    /// <summary>Issue 16 defect 8: an expiry past the end of the calendar (year 9999) is the end of the calendar, not an overflow.</summary>
    private static DateTimeOffset Later(DateTimeOffset now, TimeSpan ttl) =>
        DateTimeOffset.MaxValue - now < ttl ? DateTimeOffset.MaxValue : now + ttl;

    private sealed record Entry(CachedOutcome Outcome, TimeSpan Ttl, DateTimeOffset ExpiresAt);
}
