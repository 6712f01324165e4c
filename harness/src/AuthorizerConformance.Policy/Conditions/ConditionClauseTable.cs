using System.Collections.Concurrent;

namespace AuthorizerConformance.Policy.Conditions;

/// <summary>
/// Identical condition clauses shared process-wide. A clause is immutable and depends only on its operator, key, values
/// and whether policy variables apply, and real policies repeat the same few conditions (one source-IP range, one
/// date): thousands of compiled policies then keep one copy, which also stays in cache. The table is bounded; past
/// <see cref="Capacity"/> distinct clauses, new ones are simply not shared.
/// </summary>
internal static class ConditionClauseTable
{
    /// <summary>The most distinct clauses kept.</summary>
    public const int Capacity = 1024;

    private static readonly ConcurrentDictionary<string, ConditionClause> Clauses = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static int _count;

    /// <summary>
    /// The table's key for a clause: every part prefixed with its length, so no choice of values (whatever characters
    /// they hold) gives another clause's key.
    /// </summary>
    public static string Key(string op, string key, bool variables, IEnumerable<string> values) =>
        CompositeKey.Of([op, key, variables ? "v" : "-", .. values]);

    /// <summary>The clause kept for <paramref name="tableKey"/>, or null. Lock-free.</summary>
    public static ConditionClause? Find(string tableKey) => Clauses.GetValueOrDefault(tableKey);

    /// <summary>Returns the shared clause for <paramref name="tableKey"/>: the one already kept, else this one.</summary>
    public static ConditionClause Share(string tableKey, ConditionClause clause)
    {
        // Adding is rare (once per distinct clause, at most Capacity times in a process), so it takes a lock: the bound
        // then holds exactly, however many threads parse at once.
        lock (Gate)
        {
            if (Clauses.TryGetValue(tableKey, out var kept))
                return kept;
            if (_count >= Capacity)
                return clause;
            Clauses[tableKey] = clause;
            _count++;
            return clause;
        }
    }

    /// <summary>Number of clauses kept (tests).</summary>
    public static int Count => Volatile.Read(ref _count);
}
