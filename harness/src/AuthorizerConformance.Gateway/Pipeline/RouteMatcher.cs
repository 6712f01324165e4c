namespace AuthorizerConformance.Gateway;

/// <summary>
/// Matches a request to a route the way API Gateway does: literal segments beat <c>{param}</c>, which beats a
/// greedy <c>{proxy+}</c>; an exact verb beats <c>ANY</c>; an HTTP API falls back to <c>$default</c>; a WebSocket
/// handshake goes to <c>$connect</c>.
/// </summary>
internal sealed class RouteMatcher
{
    private readonly ApiType _type;
    private readonly IReadOnlyList<RouteDefinition> _routes;

    public RouteMatcher(ApiType type, IReadOnlyList<RouteDefinition> routes)
    {
        _type = type;
        _routes = routes;
    }

    /// <summary>The best route, or null (MISSING_AUTHENTICATION_TOKEN on REST, 404 on HTTP).</summary>
    public RouteMatch? Match(string method, string path)
    {
        // A WebSocket handshake always goes to $connect; without a configured $connect route it is accepted as is.
        if (_type == ApiType.WebSocket)
            return FindKey("$connect") ?? new RouteMatch(new RouteDefinition { RouteKey = "$connect" }, []);
        RouteMatch? best = null;
        var bestScore = long.MinValue;
        var segments = Split(path);
        foreach (var route in _routes)
        {
            if (route.Resource is null || route.Method is null)
                continue;
            var methodScore = route.Method == "ANY" ? 0 : string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase) ? 1 : -1;
            if (methodScore < 0)
                continue;
            var parameters = new List<KeyValuePair<string, string>>();
            var pathScore = MatchPath(Split(route.Resource), segments, parameters);
            if (pathScore < 0)
                continue;
            var score = (pathScore * 2) + methodScore;
            if (score > bestScore)
            {
                bestScore = score;
                best = new RouteMatch(route, parameters);
            }
        }
        return best ?? (_type == ApiType.Http ? FindKey("$default") : null);
    }

    private RouteMatch? FindKey(string key)
    {
        foreach (var route in _routes)
        {
            if (route.RouteKey == key)
                return new RouteMatch(route, []);
        }
        return null;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A score (higher is more specific), or -1 for no match.</summary>
    private static long MatchPath(string[] template, string[] actual, List<KeyValuePair<string, string>> parameters)
    {
        long score = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            if (t.StartsWith('{') && t.EndsWith("+}", StringComparison.Ordinal))
            {
                if (i >= actual.Length || i != template.Length - 1)
                    return -1;
                parameters.Add(new(t[1..^2], string.Join('/', actual[i..])));
                return (score * 3) + 1;
            }
            if (i >= actual.Length)
                return -1;
            if (t.StartsWith('{') && t.EndsWith('}'))
            {
                parameters.Add(new(t[1..^1], Uri.UnescapeDataString(actual[i])));
                score = (score * 3) + 2;
            }
            else if (string.Equals(t, actual[i], StringComparison.Ordinal))
            {
                score = (score * 3) + 3;
            }
            else
            {
                return -1;
            }
        }
        return template.Length == actual.Length ? score * 3 : -1;
    }
}
