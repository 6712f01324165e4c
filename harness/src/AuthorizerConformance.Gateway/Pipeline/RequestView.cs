namespace AuthorizerConformance.Gateway;

/// <summary>
/// The request as the gateway sees it once routed: header and query lookups, path parameters, the ARN and the
/// <c>$context</c> variables. Built once per request and shared by every stage.
/// </summary>
internal sealed class RequestView
{
    private readonly ApiDefinition _api;
    private Dictionary<string, string>? _contextVariables;
    private IReadOnlyList<KeyValuePair<string, string>>? _query;

    public RequestView(ApiDefinition api, ClientRequest request, RouteMatch route, string arn, RequestFacts facts)
    {
        _api = api;
        Request = request;
        Route = route;
        Arn = arn;
        Facts = facts;
    }

    public ClientRequest Request { get; }
    public RouteMatch Route { get; }
    public string Arn { get; }
    public RequestFacts Facts { get; }

    /// <summary>The <c>$context</c> variables, built on first use (a TOKEN request never needs them).</summary>
    public IReadOnlyDictionary<string, string> ContextVariables =>
        _contextVariables ??= Gateway.ContextVariables.Build(_api, Request, Route.Route, Facts);

    /// <summary>The last <c>User-Agent</c> header, or null.</summary>
    public string? UserAgent => ContextVariables_UserAgent();

    /// <summary>REST <c>requestContext.path</c> includes the stage; HTTP and WebSocket paths do not.</summary>
    public string ContextPath => _api.Type == ApiType.Rest ? $"/{_api.Stage}{Request.Path}" : Request.Path;

    private string? ContextVariables_UserAgent() => _contextVariables is { } vars
        ? vars.GetValueOrDefault("identity.userAgent")
        : Gateway.ContextVariables.LastHeader(Request, "User-Agent");

    /// <summary>The decoded query parameters in order, parsed on first use.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query ??= QueryString.Parse(Request.Query);

    /// <summary>Every value of a header, name matched case-insensitively (TOK-4, HTTP-2).</summary>
    public List<string> HeaderValues(string name)
    {
        var values = new List<string>();
        foreach (var (key, value) in Request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                values.Add(value);
        }
        return values;
    }

    /// <summary>Every value of a query parameter, name matched case-sensitively (HTTP-2).</summary>
    public List<string> QueryValues(string name)
    {
        var values = new List<string>();
        foreach (var (key, value) in Query)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
                values.Add(value);
        }
        return values;
    }

    /// <summary>Headers grouped by name (first-seen casing kept), values in order.</summary>
    public IReadOnlyList<KeyValuePair<string, List<string>>> GroupedHeaders(bool lowerCaseNames) =>
        Group(Request.Headers, StringComparer.OrdinalIgnoreCase, lowerCaseNames);

    /// <summary>Query parameters grouped by name, values in order.</summary>
    public IReadOnlyList<KeyValuePair<string, List<string>>> GroupedQuery() => Group(Query, StringComparer.Ordinal, false);

    private static List<KeyValuePair<string, List<string>>> Group(
        IReadOnlyList<KeyValuePair<string, string>> pairs, StringComparer comparer, bool lowerCaseNames)
    {
        var index = new Dictionary<string, List<string>>(comparer);
        var groups = new List<KeyValuePair<string, List<string>>>();
        foreach (var (key, value) in pairs)
        {
            if (!index.TryGetValue(key, out var list))
            {
                list = [];
                index[key] = list;
                groups.Add(new(lowerCaseNames ? key.ToLowerInvariant() : key, list));
            }
            list.Add(value);
        }
        return groups;
    }
}
