using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace AuthorizerConformance.ApiImport.Sam;

internal static partial class SamImporter
{
    private static readonly string[] EventAuthMembers = ["Authorizer", "ApiKeyRequired", "InvokeRole"];

    /// <summary>One Api/HttpApi event: its path and method, and its authorizer (the event's Auth.Authorizer, NONE, or the API's default).</summary>
    private static void AddRoute(EventRoute e, ApiAuth auth, ApiDraft draft, SamValues values)
    {
        var context = values.Context;
        var properties = e.Path["Properties"];
        var resourceNode = Member(e.Properties, "Path");
        var methodNode = Member(e.Properties, "Method");
        string? resource, method;
        if (e.Type == "HttpApi" && resourceNode is null && methodNode is null)
            (resource, method) = ("$default", "ANY"); // an HttpApi event without Path and Method is the $default route
        else
        {
            resource = resourceNode is null ? Missing(context, properties["Path"]) : values.Text(resourceNode, properties["Path"]);
            method = methodNode is null ? Missing(context, properties["Method"]) : values.Text(methodNode, properties["Method"]);
        }
        if (resource is null || method is null)
            return;
        method = method.Equals("any", StringComparison.OrdinalIgnoreCase) ? "ANY" : method.ToUpperInvariant();

        var authorizer = auth.DefaultAuthorizer;
        var apiKey = auth.ApiKeyRequired;
        if (Map(e.Properties, "Auth") is { } eventAuth)
        {
            if (!Known(eventAuth, EventAuthMembers, properties["Auth"], context))
                return;
            if (Member(eventAuth, "Authorizer") is { } named && values.Text(named, properties["Auth"]["Authorizer"]) is { } name)
            {
                if (name == "AWS_IAM")
                {
                    context.Error(properties["Auth"]["Authorizer"], "IAM authorization is not modelled; only Lambda authorizers");
                    return;
                }
                authorizer = name == "NONE" ? null : name;
                if (authorizer is not null && !draft.Authorizers.ContainsKey(authorizer))
                {
                    context.Error(properties["Auth"]["Authorizer"], $"names \"{authorizer}\", which is not one of the API's Auth.Authorizers");
                    return;
                }
            }
            if (Scalar(eventAuth, "ApiKeyRequired") is { } required)
                apiKey = required == "true";
        }
        var payload = e.Type == "HttpApi" ? Scalar(e.Properties, "PayloadFormatVersion") : null;
        draft.AddRoute(method, resource, e.Path, authorizer, apiKey, payload);
    }

    private static string? Missing(ImportContext context, ImportPath path)
    {
        context.Error(path, "is required");
        return null;
    }

    /// <summary>GWR-1 in SAM's words: <c>{TYPE: {StatusCode, ResponseParameters: {Headers: {…}}, ResponseTemplates: {"application/json": …}}}</c>.</summary>
    private static void ReadGatewayResponses(YamlNode node, ImportPath path, ApiDraft draft, SamValues values)
    {
        var context = values.Context;
        if (node is not YamlMappingNode responses)
        {
            context.Error(path, "must be a mapping");
            return;
        }
        var result = new JsonObject();
        foreach (var (key, value) in responses.Children)
        {
            var type = ((YamlScalarNode)key).Value ?? "";
            var at = path[type];
            if (value is not YamlMappingNode response || !Known(response, ["StatusCode", "ResponseParameters", "ResponseTemplates"], at, context))
                continue;
            var converted = new JsonObject();
            if (Scalar(response, "StatusCode") is { } status)
                converted["statusCode"] = Number(status, at["StatusCode"], context);
            if (Map(response, "ResponseParameters") is { } parameters)
            {
                if (Known(parameters, ["Headers"], at["ResponseParameters"], context) && Map(parameters, "Headers") is { } headers)
                    converted["headers"] = Json(headers);
            }
            if (Map(response, "ResponseTemplates") is { } templates)
            {
                if (templates.Children.Count != 1 || templates.Children.First().Value is not YamlScalarNode template)
                    context.Error(at["ResponseTemplates"], "must hold exactly one template (the emulation answers one content type, application/json)");
                else
                    converted["template"] = template.Value;
            }
            result[type] = converted;
        }
        draft.SetMember("gatewayResponses", result, path);
    }
}
