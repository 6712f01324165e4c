using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.ApiImport;

/// <summary>
/// Finishes an import: attaches each authorizer's function, then runs the result through <see cref="ScenarioParser"/>
/// (the same validating parser every scenario goes through) and reports its refusal at the source of the refused member.
/// </summary>
internal static class ApiDraftValidator
{
    public static ApiImportResult Finish(ApiDraft draft, ImportContext context, ApiImportOptions options)
    {
        if (draft.Routes.Count > ImportLimits.MaxRoutes)
            context.Error(ImportPath.Root, string.Create(CultureInfo.InvariantCulture, $"{draft.Routes.Count} routes; at most {ImportLimits.MaxRoutes} are imported"));
        foreach (var name in options.Functions.Keys.Where(n => !draft.Authorizers.ContainsKey(n)))
            context.Error(ImportPath.Root, $"a function is mapped to the authorizer \"{name}\", which the API does not define; it defines {Names(draft)}");
        if (context.HasErrors)
            return ApiImportResult.Failed(context.Errors);

        draft.Api["routes"] = new JsonArray([.. draft.Routes.Select(r => (JsonNode)r.Route)]);
        foreach (var (name, authorizer) in draft.Authorizers)
        {
            var function = options.Functions.TryGetValue(name, out var mapped)
                ? mapped.DeepClone()
                : new JsonObject { ["kind"] = ApiImportOptions.TargetFunctionKind };
            authorizer!["function"] = function;
        }
        var document = new JsonObject { ["api"] = draft.Api, ["authorizers"] = draft.Authorizers, ["requests"] = new JsonArray() };
        using var json = JsonDocument.Parse(document.ToJsonString());
        var parsed = ScenarioParser.Parse(json.RootElement);
        if (!parsed.IsValid)
        {
            var error = parsed.Error!;
            context.Error(SourceOf(draft, error.Path), $"the emulation refuses the imported API at {error.Path}: {error.Message}");
            return ApiImportResult.Failed(context.Errors);
        }
        var api = (JsonObject)document["api"]!;
        var authorizers = (JsonObject)document["authorizers"]!;
        document.Remove("api");
        document.Remove("authorizers");
        return ApiImportResult.Valid(new ImportedApi(context.File, api, authorizers, parsed.Scenario!));
    }

    private static string Names(ApiDraft draft) =>
        draft.Authorizers.Count == 0 ? "none" : string.Join(", ", draft.Authorizers.Select(a => $"\"{a.Key}\""));

    /// <summary>Maps a scenario JSON path (<c>api.routes[2].resource</c>, <c>authorizers.A.type</c>) back to the source.</summary>
    private static ImportPath SourceOf(ApiDraft draft, string scenarioPath)
    {
        const string routes = "api.routes[";
        if (scenarioPath.StartsWith(routes, StringComparison.Ordinal))
        {
            var end = scenarioPath.IndexOf(']', StringComparison.Ordinal);
            if (end > routes.Length && int.TryParse(scenarioPath[routes.Length..end], CultureInfo.InvariantCulture, out var index) && index < draft.Routes.Count)
                return draft.Routes[index].Source;
        }
        var parts = scenarioPath.Split('.');
        if (parts is ["authorizers", var name, ..] && draft.AuthorizerSources.TryGetValue(name, out var source))
            return source;
        if (parts is ["api", var member, ..] && draft.ApiMemberSources.TryGetValue(member, out var apiSource))
            return apiSource;
        return ImportPath.Root;
    }
}
