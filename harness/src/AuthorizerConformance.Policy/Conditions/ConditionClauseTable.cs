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

    /// <summary>The table's key for a clause: the parts separated by a character that cannot be confused with text.</summary>
    public static string Key(string op, string key, bool variables, IEnumerable<string> values) =>
        string.Join('\u0001', [op, key, variables ? "v" : "-", .. values]);

    public static ConditionClause? Find(string tableKey) => Clauses.GetValueOrDefault(tableKey);

    /// <summary>Returns the shared clause for <paramref name="tableKey"/>: the one already kept, else this one.</summary>
    public static ConditionClause Share(string tableKey, ConditionClause clause) =>
        Clauses.Count < Capacity ? Clauses.GetOrAdd(tableKey, clause) : Clauses.GetValueOrDefault(tableKey) ?? clause;

    /// <summary>Number of clauses kept (tests).</summary>
    public static int Count => Clauses.Count;
}
