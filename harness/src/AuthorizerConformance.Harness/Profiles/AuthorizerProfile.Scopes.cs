namespace AuthorizerConformance.Harness.Profiles;

public sealed partial record AuthorizerProfile
{
    /// <summary>
    /// The scopes of <see cref="ScopeRoutes"/> that grant the request <paramref name="method"/> <paramref name="path"/>,
    /// in the profile's order: a route <c>VERB /path</c> matches when its verb is the request's (<c>*</c> and <c>ANY</c>
    /// match every verb) and its path, with IAM wildcards (<c>*</c> any run of characters, <c>?</c> one character; POL-5),
    /// matches the request's path. Empty when the profile names no scope for the request.
    /// </summary>
    public IReadOnlyList<string> ScopesGranting(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        return [.. ScopeRoutes.Where(s => s.Value.Any(route => RouteMatches(route, method, path))).Select(s => s.Key)];
    }

    private static bool RouteMatches(string route, string method, string path)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            return false;
        var verb = route[..space];
        return (verb is "*" or "ANY" || verb.Equals(method, StringComparison.OrdinalIgnoreCase))
            && Wildcard(route.AsSpan(space + 1), path);
    }

    /// <summary>IAM wildcard match, greedy with one backtrack point (the last <c>*</c>): time linear in pattern × text.</summary>
    private static bool Wildcard(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
