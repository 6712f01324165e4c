using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace AuthorizerConformance.ApiImport.Sam;

/// <summary>
/// An AWS SAM template → the emulation's API definition: one <c>AWS::Serverless::Api</c> (REST) or
/// <c>AWS::Serverless::HttpApi</c> (HTTP), explicit or implicit (<c>ServerlessRestApi</c>, <c>ServerlessHttpApi</c>), its
/// <c>Auth</c> (authorizers, default authorizer), stage, gateway responses and API key source, and the routes the
/// <c>Api</c>/<c>HttpApi</c> events of <c>AWS::Serverless::Function</c>s add, with each event's <c>Auth</c> override.
/// </summary>
internal static partial class SamImporter
{
    private const string RestApi = "AWS::Serverless::Api", HttpApi = "AWS::Serverless::HttpApi", Function = "AWS::Serverless::Function";
    private const string ImplicitRest = "ServerlessRestApi", ImplicitHttp = "ServerlessHttpApi";

    private sealed record EventRoute(string ApiId, string Type, YamlMappingNode Properties, ImportPath Path);

    public static ApiImportResult Import(YamlMappingNode template, string file, ApiImportOptions options)
    {
        var context = new ImportContext(file, template);
        var values = new SamValues(template, context);
        var resources = Map(template, "Resources");
        var root = ImportPath.Root["Resources"];
        var apis = new Dictionary<string, (string Type, YamlMappingNode? Properties, ImportPath Path)>(StringComparer.Ordinal);
        var events = new List<EventRoute>();
        CheckGlobals(template, context);
        foreach (var (key, node) in resources?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var id = ((YamlScalarNode)key).Value ?? "";
            var type = node is YamlMappingNode r ? Scalar(r, "Type") : null;
            var path = root[id];
            switch (type)
            {
                case RestApi or HttpApi:
                    apis[id] = (type, Map((YamlMappingNode)node, "Properties"), path["Properties"]);
                    break;
                case Function:
                    ReadEvents((YamlMappingNode)node, path, values, events);
                    break;
                case { } other when other.StartsWith("AWS::ApiGateway", StringComparison.Ordinal) || other.StartsWith("AWS::ApiGatewayV2", StringComparison.Ordinal):
                    context.Error(path["Type"], $"{other} is not modelled; describe the API with {RestApi} or {HttpApi}, or import its OpenAPI definition");
                    break;
            }
        }
        foreach (var e in events.Where(e => !apis.ContainsKey(e.ApiId)))
        {
            if (e.ApiId is ImplicitRest or ImplicitHttp)
                apis[e.ApiId] = (e.Type == "Api" ? RestApi : HttpApi, null, e.Path);
            else
                context.Error(e.Path, $"names the API \"{e.ApiId}\", which is not an {RestApi} or {HttpApi} of this template");
        }
        if (context.HasErrors)
            return ApiImportResult.Failed(context.Errors);
        string chosen;
        if (options.ApiName is { } wanted)
        {
            if (!apis.ContainsKey(wanted))
                return Fail(context, root, $"has no API \"{wanted}\"; its APIs are {Names(apis.Keys)}");
            chosen = wanted;
        }
        else if (apis.Count == 1)
            chosen = apis.Keys.Single();
        else
            return Fail(context, root, apis.Count == 0 ? $"defines no {RestApi} or {HttpApi}, and no function has an Api or HttpApi event"
                : $"defines {apis.Count} APIs ({Names(apis.Keys)}); choose one (ApiImportOptions.ApiName, --api-name)");

        var (apiType, properties, apiPath) = apis[chosen];
        var draft = new ApiDraft(apiType == RestApi ? "REST" : "HTTP");
        var auth = ReadApi(properties, apiPath, draft, values);
        foreach (var e in events.Where(e => e.ApiId == chosen))
            AddRoute(e, auth, draft, values);
        return ApiDraftValidator.Finish(draft, context, options);
    }

    private static ApiImportResult Fail(ImportContext context, ImportPath path, string message)
    {
        context.Error(path, message);
        return ApiImportResult.Failed(context.Errors);
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal).Select(n => $"\"{n}\""));

    /// <summary>Globals.Api.Auth and Globals.HttpApi.Auth would change every API's authorizers: refused rather than half-applied.</summary>
    private static void CheckGlobals(YamlMappingNode template, ImportContext context)
    {
        if (Map(template, "Globals") is not { } globals)
            return;
        foreach (var section in new[] { "Api", "HttpApi" })
        {
            if (Map(globals, section) is { } api && api.Children.ContainsKey(new YamlScalarNode("Auth")))
                context.Error(ImportPath.Root["Globals"][section]["Auth"], "Globals Auth is not supported; write Auth on the API resource");
        }
    }

    private static void ReadEvents(YamlMappingNode function, ImportPath path, SamValues values, List<EventRoute> events)
    {
        var eventsNode = Map(Map(function, "Properties"), "Events");
        foreach (var (key, node) in eventsNode?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var at = path["Properties"]["Events"][((YamlScalarNode)key).Value ?? ""];
            if (node is not YamlMappingNode e || Scalar(e, "Type") is not ("Api" or "HttpApi"))
                continue;
            var type = Scalar(e, "Type")!;
            var properties = Map(e, "Properties") ?? new YamlMappingNode();
            var idKey = type == "Api" ? "RestApiId" : "ApiId";
            var apiId = properties.Children.TryGetValue(new YamlScalarNode(idKey), out var reference)
                ? values.Text(reference, at["Properties"][idKey]) ?? ""
                : type == "Api" ? ImplicitRest : ImplicitHttp;
            events.Add(new EventRoute(apiId, type, properties, at));
        }
    }

    internal static YamlMappingNode? Map(YamlMappingNode? node, string name) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value as YamlMappingNode : null;

    internal static YamlNode? Member(YamlMappingNode? node, string name) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;

    internal static string? Scalar(YamlMappingNode? node, string name) => (Member(node, name) as YamlScalarNode)?.Value;

    internal static JsonNode? Json(YamlNode node) => node switch
    {
        YamlScalarNode s when s.Style is YamlDotNet.Core.ScalarStyle.Plain && bool.TryParse(s.Value, out var b) => b,
        YamlScalarNode s when s.Style is YamlDotNet.Core.ScalarStyle.Plain && long.TryParse(s.Value, out var n) => n,
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Json)]),
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Json(c.Value)))),
        _ => null,
    };
}
