using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AuthorizerConformance.ApiImport.OpenApi;

internal static partial class OpenApiImporter
{
    private static readonly string[] ModelledVerbs = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    private static void ReadPaths(OpenApiDocument document, ApiDraft draft, Dictionary<string, Scheme> schemes, ImportContext context)
    {
        var topLevel = document.Security is { } security ? ReadRequirements(security, ImportPath.Root["security"]) : null;
        foreach (var (resource, item) in document.Paths)
        {
            var path = ImportPath.Root["paths"][resource];
            var routeResource = draft.Type == "HTTP" && resource == "/$default" ? "$default" : resource;
            foreach (var (method, operation) in item.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                var verb = method.Method.ToUpperInvariant();
                var at = path[method.Method.ToLowerInvariant()];
                if (!ModelledVerbs.Contains(verb, StringComparer.Ordinal))
                {
                    context.Error(at, $"the method {verb} is not modelled; API Gateway routes GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS and ANY");
                    continue;
                }
                foreach (var name in (operation.Extensions ?? new Dictionary<string, IOpenApiExtension>()).Keys)
                    CheckOperationExtension(name, at[name], context);
                var requirements = operation.Security is { } own ? ReadRequirements(own, at["security"]) : topLevel;
                AddRoute(draft, verb, routeResource, at, requirements, IntegrationPayload(Extension(operation.Extensions, Integration), at, draft, context), schemes, context);
            }
            foreach (var (name, extension) in item.Extensions ?? new Dictionary<string, IOpenApiExtension>())
            {
                if (name == AnyMethod)
                    ReadAnyMethod((extension as JsonNodeExtension)?.Node, path[name], routeResource, topLevel, draft, schemes, context);
                else
                    CheckExtension(name, path[name], context);
            }
        }
    }

    private static void CheckOperationExtension(string name, ImportPath path, ImportContext context)
    {
        // x-amazon-apigateway-auth {type: AWS_IAM} is IAM authorization, which is not a Lambda authorizer.
        if (name == "x-amazon-apigateway-auth")
            context.Error(path, "IAM authorization (x-amazon-apigateway-auth) is not modelled; only Lambda authorizers");
        else
            CheckExtension(name, path, context);
    }

    /// <summary><c>x-amazon-apigateway-any-method</c>: an operation object for every verb (route method ANY).</summary>
    private static void ReadAnyMethod(JsonNode? node, ImportPath path, string resource, List<(List<string> Names, ImportPath Path)>? topLevel,
        ApiDraft draft, Dictionary<string, Scheme> schemes, ImportContext context)
    {
        if (node is not JsonObject operation)
        {
            context.Error(path, $"must be an operation object, found {Kind(node)}");
            return;
        }
        var requirements = topLevel;
        if (operation["security"] is { } security)
        {
            requirements = [];
            if (security is not JsonArray list)
            {
                context.Error(path["security"], $"must be an array of security requirements, found {Kind(security)}");
                return;
            }
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject requirement)
                {
                    context.Error(path["security"][i], $"must be an object, found {Kind(list[i])}");
                    return;
                }
                requirements.Add(([.. requirement.Select(p => p.Key)], path["security"][i]));
            }
        }
        foreach (var (name, _) in operation)
        {
            if (name.StartsWith('x'))
                CheckOperationExtension(name, path[name], context);
        }
        AddRoute(draft, "ANY", resource, path, requirements, IntegrationPayload(operation[Integration], path, draft, context), schemes, context);
    }

    private static List<(List<string> Names, ImportPath Path)> ReadRequirements(IList<OpenApiSecurityRequirement> requirements, ImportPath path) =>
        [.. requirements.Select((r, i) => (r.Keys.Select(k => k.Reference?.Id ?? k.Name ?? "").ToList(), path[i]))];

    /// <summary>
    /// One route: its security is the operation's own <c>security</c>, else the document's. <c>[]</c> or no security
    /// means no authorizer. One requirement may name one Lambda authorizer and the API key; alternatives (OR) are refused.
    /// </summary>
    private static void AddRoute(ApiDraft draft, string verb, string resource, ImportPath path, List<(List<string> Names, ImportPath Path)>? requirements,
        string? integrationPayload, Dictionary<string, Scheme> schemes, ImportContext context)
    {
        string? authorizer = null;
        var apiKey = false;
        var ok = true;
        if (requirements is { Count: > 1 })
        {
            context.Error(requirements[1].Path, "alternative security requirements (one of several) are not modelled: API Gateway applies one authorizer per method");
            return;
        }
        if (requirements is [var only])
        {
            foreach (var name in only.Names)
            {
                if (!schemes.TryGetValue(name, out var scheme))
                {
                    context.Error(only.Path, $"names the security scheme \"{name}\", which is not defined or not usable");
                    ok = false;
                }
                else if (scheme.Reported)
                    ok = false;
                else if (scheme.Refusal is not null)
                {
                    context.Error(only.Path, scheme.Refusal);
                    ok = false;
                }
                else if (scheme.IsApiKey)
                    apiKey = true;
                else if (authorizer is not null)
                {
                    context.Error(only.Path, $"names two authorizers (\"{authorizer}\" and \"{name}\"); a method has one");
                    ok = false;
                }
                else
                    authorizer = name;
            }
        }
        if (ok)
            draft.AddRoute(verb, resource, path, authorizer, apiKey, integrationPayload);
    }

    /// <summary>HTTP APIs: <c>x-amazon-apigateway-integration.payloadFormatVersion</c> decides what the backend receives (CTX-4, CTX-5).</summary>
    private static string? IntegrationPayload(JsonNode? integration, ImportPath path, ApiDraft draft, ImportContext context)
    {
        if (draft.Type != "HTTP" || integration is not JsonObject settings || settings["payloadFormatVersion"] is not { } version)
            return null;
        if (version.GetValueKind() == JsonValueKind.String)
            return version.GetValue<string>();
        context.Error(path[Integration]["payloadFormatVersion"], $"must be a string (\"1.0\" or \"2.0\"), found {Kind(version)}");
        return null;
    }
}
