namespace AuthorizerConformance.Authorizer;

/// <summary>
/// A route in <c>AUTH_SCOPE_ROUTES</c>/<c>AUTH_DENY_ROUTES</c>: <c>VERB /path</c> (REST and HTTP APIs; VERB may be
/// <c>*</c>, the path may hold IAM wildcards <c>*</c> and <c>?</c>) or a WebSocket route key such as <c>$connect</c>.
/// </summary>
public sealed record RouteSpec(string Verb, string Path)
{
    /// <summary>The part of an execute-api ARN after <c>{apiId}/{stage}/</c> (ARN-1, ARN-6).</summary>
    public string ResourceSuffix => Verb.Length == 0 ? Path : $"{Verb}/{Path.TrimStart('/')}";

    /// <summary>Parses one route; <paramref name="where"/> names the variable for the error message.</summary>
    public static RouteSpec Parse(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith('$') && !trimmed.Contains(' ', StringComparison.Ordinal))
            return new RouteSpec("", trimmed);
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            throw Invalid(text, where);
        var verb = trimmed[..space];
        var path = trimmed[(space + 1)..].Trim();
        if (!(verb == "*" || verb.All(char.IsAsciiLetterUpper)) || !path.StartsWith('/') || path.Contains(' ', StringComparison.Ordinal))
            throw Invalid(text, where);
        return new RouteSpec(verb, path);
    }

    private static AuthorizerConfigurationException Invalid(string text, string where) =>
        new($"Authorizer misconfigured: {where} has the route '{text.Trim()}'; expected 'VERB /path' (e.g. 'POST /orders/*') or a WebSocket route key such as '$connect'.");
}
