using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Finds the identity value in REQUEST-style events. The header is <c>AUTH_TOKEN_HEADER</c> (default
/// <c>Authorization</c>, matched case-insensitively, TOK-4/REQ-5); the query parameter is <c>AUTH_TOKEN_QUERY</c>
/// (case-sensitive, HTTP-2). With only <c>AUTH_TOKEN_QUERY</c> set, only the query is read; with both, the header
/// first. A token sent twice with different values is refused (TOK-10 leaves "which one" undocumented).
/// </summary>
internal static class TokenSources
{
    public static string FromRequest(APIGatewayCustomAuthorizerRequest request, AuthorizerSettings settings)
    {
        if (HeaderName(settings) is { } header)
        {
            var values = Collect(request.Headers, request.MultiValueHeaders, header, StringComparer.OrdinalIgnoreCase);
            if (Single(values) is { } fromHeader)
                return fromHeader;
        }
        if (settings.TokenQuery is { } query)
        {
            var values = Collect(request.QueryStringParameters, request.MultiValueQueryStringParameters, query, StringComparer.Ordinal);
            if (Single(values) is { } fromQuery)
                return fromQuery;
        }
        throw new UnauthorizedException("token-missing");
    }

    /// <summary>Payload 2.0: header names are lower-case and repeats are comma-joined (HTTP-4), so no multi-value maps.</summary>
    public static string FromV2(APIGatewayCustomAuthorizerV2Request request, AuthorizerSettings settings)
    {
        if (HeaderName(settings) is { } header && Single(Collect(request.Headers, null, header, StringComparer.OrdinalIgnoreCase)) is { } fromHeader)
            return fromHeader;
        if (settings.TokenQuery is { } query && Single(Collect(request.QueryStringParameters, null, query, StringComparer.Ordinal)) is { } fromQuery)
            return fromQuery;
        throw new UnauthorizedException("token-missing");
    }

    private static string? HeaderName(AuthorizerSettings settings) =>
        settings.TokenHeader ?? (settings.TokenQuery is null ? "Authorization" : null);

    private static HashSet<string> Collect(
        IReadOnlyDictionary<string, string>? single, IReadOnlyDictionary<string, IReadOnlyList<string>>? multi,
        string name, StringComparer comparer)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in single ?? new Dictionary<string, string>())
        {
            if (comparer.Equals(key, name) && !string.IsNullOrEmpty(value))
                values.Add(value);
        }
        foreach (var (key, list) in multi ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (comparer.Equals(key, name))
                values.UnionWith(list.Where(v => !string.IsNullOrEmpty(v)));
        }
        return values;
    }

    private static string? Single(HashSet<string> values) => values.Count switch
    {
        0 => null,
        1 => values.First(),
        _ => throw new UnauthorizedException("token-repeated"),
    };
}
