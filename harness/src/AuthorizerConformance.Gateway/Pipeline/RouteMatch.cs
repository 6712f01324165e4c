namespace AuthorizerConformance.Gateway;

/// <summary>A matched route and the path-parameter values taken from the actual path.</summary>
internal sealed record RouteMatch(RouteDefinition Route, IReadOnlyList<KeyValuePair<string, string>> PathParameters);
