namespace AuthorizerConformance.Policy;

/// <summary>
/// Case-insensitive view of a request's condition keys (§1.6: key names are case-insensitive), whatever comparer the
/// caller's dictionary uses. A struct so the hot path allocates nothing when no condition or variable asks for a key.
/// </summary>
internal readonly struct RequestContext(IReadOnlyDictionary<string, IReadOnlyList<string>>? values)
{
    /// <summary>The values of <paramref name="key"/>; null when the key is absent or has no values.</summary>
    public IReadOnlyList<string>? TryGet(string key)
    {
        if (values is null)
            return null;
        if (values is Dictionary<string, IReadOnlyList<string>> dictionary)
        {
            // The common case, called directly rather than through the interface.
            if (dictionary.TryGetValue(key, out var found))
                return found.Count == 0 ? null : found;
            // A case-insensitive dictionary has answered already; otherwise scan with the struct enumerator (the
            // same order as the interface's, without boxing one per absent key).
            if (ReferenceEquals(dictionary.Comparer, StringComparer.OrdinalIgnoreCase))
                return null;
            foreach (var (name, list) in dictionary)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                    return list.Count == 0 ? null : list;
            }
            return null;
        }
        if (values.TryGetValue(key, out var direct))
            return direct.Count == 0 ? null : direct;
        foreach (var (name, list) in values)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                return list.Count == 0 ? null : list;
        }
        return null;
    }

    /// <summary>The value of a single-valued key (policy variables); null when absent or multi-valued.</summary>
    public string? TryGetSingle(string key) => TryGet(key) is [var only] ? only : null;
}
