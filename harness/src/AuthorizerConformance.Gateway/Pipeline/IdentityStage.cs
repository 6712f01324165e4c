namespace AuthorizerConformance.Gateway;

/// <summary>
/// Stage 1, identity source: reads every configured identity source in order. A missing, null or empty value
/// means 401 without invoking the authorizer (TOK-6, REQ-2, HTTP-2, WS-4).
/// </summary>
internal static class IdentityStage
{
    /// <summary>The values in configured order, or null with the expression of the first missing source.</summary>
    public static IReadOnlyList<string>? Extract(
        ApiDefinition api, AuthorizerDefinition authorizer, RequestView view, out string? missing)
    {
        var values = new string[authorizer.IdentitySources.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var source = authorizer.IdentitySources[i];
            var value = Read(api, source, view);
            if (string.IsNullOrEmpty(value))
            {
                missing = source.Expression;
                return null;
            }
            values[i] = value;
        }
        missing = null;
        return values;
    }

    /// <summary>REQ-3: a REST REQUEST authorizer with TTL 0 validates its sources only if the profile says so.</summary>
    public static bool MustValidate(ApiDefinition api, AuthorizerDefinition authorizer) =>
        api.Type != ApiType.Rest || authorizer.Type == AuthorizerType.Token || authorizer.ResultTtlInSeconds > 0
        || api.Behavior.ValidateRequestIdentityWhenTtlZero;

    private static string? Read(ApiDefinition api, IdentitySource source, RequestView view)
    {
        switch (source.Kind)
        {
            case IdentitySourceKind.Header:
                return Pick(api, view.HeaderValues(source.Name));
            case IdentitySourceKind.QueryString:
                return Pick(api, view.QueryValues(source.Name));
            case IdentitySourceKind.StageVariable:
                return api.StageVariables.GetValueOrDefault(source.Name);
            case IdentitySourceKind.Context:
                return view.ContextVariables.GetValueOrDefault(source.Name);
            default:
                throw new InvalidOperationException($"Unknown identity source kind {source.Kind}.");
        }
    }

    /// <summary>HTTP APIs join repeated values with commas (HTTP-4); REST and WebSocket use one value (TOK-10).</summary>
    private static string? Pick(ApiDefinition api, List<string> values)
    {
        if (values.Count == 0)
            return null;
        if (api.Type == ApiType.Http)
            return string.Join(',', values);
        return api.Behavior.RepeatedHeaderValue switch
        {
            RepeatedHeaderValue.Last => values[^1],
            RepeatedHeaderValue.First => values[0],
            _ => throw new InvalidOperationException($"Unknown RepeatedHeaderValue {api.Behavior.RepeatedHeaderValue}."),
        };
    }
}
