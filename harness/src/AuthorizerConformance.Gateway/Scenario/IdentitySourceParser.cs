using System.Text.Json;

namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>
/// Reads identity sources. REST: the comma-separated string AWS uses (REQ-1), spaces around commas ignored;
/// HTTP and WebSocket: an array of selection expressions (HTTP-2, WS-4). Absent, <c>""</c> or <c>[]</c> means none.
/// </summary>
internal static class IdentitySourceParser
{
    public static List<IdentitySource> Read(JsonElement item, string path, ApiType apiType, AuthorizerType type)
    {
        var at = Json.Child(path, "identitySource");
        List<(string Text, string Path)> expressions = [];
        if (Json.Has(item, "identitySource", out var element))
        {
            if (apiType == ApiType.Rest)
            {
                if (element.ValueKind != JsonValueKind.String)
                    throw new ScenarioFormatException(at, $"must be a comma-separated string on a REST API, found {Json.Kind(element)}");
                var text = element.GetString()!;
                if (text.Trim().Length > 0)
                    expressions = [.. text.Split(',').Select(s => (s.Trim(), at))];
            }
            else
            {
                var i = 0;
                expressions = [.. Json.StringArray(element, at).Select(s => (s, Json.Index(at, i++)))];
            }
        }
        var sources = expressions.Select(e => Parse(e.Text, e.Path, apiType)).ToList();
        // TOK-1: exactly one header for a TOKEN authorizer.
        if (type == AuthorizerType.Token && (sources.Count != 1 || sources[0].Kind != IdentitySourceKind.Header))
            throw new ScenarioFormatException(at, "a TOKEN authorizer needs exactly one method.request.header.<Name> (TOK-1)");
        return sources;
    }

    private static IdentitySource Parse(string expression, string path, ApiType apiType)
    {
        var prefixes = apiType switch
        {
            ApiType.Rest => new (string, IdentitySourceKind)[]
            {
                ("method.request.header.", IdentitySourceKind.Header), ("method.request.querystring.", IdentitySourceKind.QueryString),
                ("stageVariables.", IdentitySourceKind.StageVariable), ("context.", IdentitySourceKind.Context),
            },
            ApiType.Http =>
            [
                ("$request.header.", IdentitySourceKind.Header), ("$request.querystring.", IdentitySourceKind.QueryString),
                ("$stageVariables.", IdentitySourceKind.StageVariable), ("$context.", IdentitySourceKind.Context),
            ],
            ApiType.WebSocket =>
            [
                ("route.request.header.", IdentitySourceKind.Header), ("route.request.querystring.", IdentitySourceKind.QueryString),
                ("stageVariables.", IdentitySourceKind.StageVariable), ("context.", IdentitySourceKind.Context),
            ],
            _ => throw new InvalidOperationException($"Unknown API type {apiType}."),
        };
        foreach (var (prefix, kind) in prefixes)
        {
            if (expression.StartsWith(prefix, StringComparison.Ordinal) && expression.Length > prefix.Length)
                return new IdentitySource(kind, expression[prefix.Length..], expression);
        }
        // REQ-1: path parameters cannot be identity sources.
        var expected = string.Join(", ", prefixes.Select(p => p.Item1 + "<name>"));
        throw new ScenarioFormatException(path, $"\"{expression}\" is not an identity source; expected one of {expected}");
    }
}
