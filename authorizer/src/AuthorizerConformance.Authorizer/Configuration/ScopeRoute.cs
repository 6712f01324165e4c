namespace AuthorizerConformance.Authorizer;

/// <summary>One entry of <c>AUTH_SCOPE_ROUTES</c>: a token holding <paramref name="Scope"/> is allowed <paramref name="Routes"/>.</summary>
public sealed record ScopeRoute(string Scope, IReadOnlyList<RouteSpec> Routes)
{
    /// <summary>Parses <c>scope=ROUTE,ROUTE;scope=ROUTE</c>.</summary>
    public static IReadOnlyList<ScopeRoute> ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var result = new List<ScopeRoute>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == entry.Length - 1)
                throw new AuthorizerConfigurationException(
                    $"Authorizer misconfigured: {EnvironmentVariables.ScopeRoutes} entry '{entry}' is not 'scope=VERB /path[,VERB /path]'.");
            var scope = entry[..eq].Trim();
            var routes = entry[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => RouteSpec.Parse(r, EnvironmentVariables.ScopeRoutes)).ToList();
            result.Add(new ScopeRoute(scope, routes));
        }
        return result;
    }
}
