using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AuthorizerConformance.ApiImport.OpenApi;

internal static partial class OpenApiImporter
{
    private const string Prefix = "x-amazon-apigateway-";

    /// <summary>
    /// API Gateway extensions that do not bear on authorization (integrations, validation, media types, endpoints,
    /// documentation, CORS): read and not modelled. Any other <c>x-amazon-apigateway-*</c> member is an error.
    /// </summary>
    private static readonly string[] NotModelled =
    [
        "x-amazon-apigateway-integration", "x-amazon-apigateway-request-validators", "x-amazon-apigateway-request-validator",
        "x-amazon-apigateway-binary-media-types", "x-amazon-apigateway-minimum-compression-size", "x-amazon-apigateway-documentation",
        "x-amazon-apigateway-endpoint-configuration", "x-amazon-apigateway-importexport-version", "x-amazon-apigateway-cors",
        "x-amazon-apigateway-tag-value",
    ];

    private static readonly string[] GatewayResponseMembers = ["statusCode", "responseParameters", "responseTemplates"];

    private static void ReadDocumentExtensions(OpenApiDocument document, ApiDraft draft, ImportContext context)
    {
        foreach (var (name, extension) in document.Extensions ?? new Dictionary<string, IOpenApiExtension>())
        {
            var path = ImportPath.Root[name];
            var node = (extension as JsonNodeExtension)?.Node;
            switch (name)
            {
                case "x-amazon-apigateway-policy":
                    // POL-11: the API's resource policy, as written.
                    if (node is JsonObject)
                        draft.SetMember("resourcePolicy", node.DeepClone(), path);
                    else
                        context.Error(path, $"must be a policy document (an object), found {Kind(node)}");
                    break;
                case "x-amazon-apigateway-api-key-source":
                    if (node?.GetValueKind() == JsonValueKind.String)
                        draft.SetMember("apiKeySource", node.GetValue<string>().ToUpperInvariant(), path);
                    else
                        context.Error(path, $"must be \"HEADER\" or \"AUTHORIZER\", found {Kind(node)}");
                    break;
                case "x-amazon-apigateway-gateway-responses":
                    ReadGatewayResponses(node, path, draft, context);
                    break;
                default:
                    CheckExtension(name, path, context);
                    break;
            }
        }
    }

    /// <summary>An API Gateway extension this importer neither models nor knows to be irrelevant is an error.</summary>
    private static void CheckExtension(string name, ImportPath path, ImportContext context)
    {
        if (name.StartsWith(Prefix, StringComparison.Ordinal) && !NotModelled.Contains(name, StringComparer.Ordinal))
            context.Error(path, $"{name} is not supported here; the importer models {Authorizer}, {AuthType}, {AnyMethod}, x-amazon-apigateway-policy, "
                + "x-amazon-apigateway-gateway-responses and x-amazon-apigateway-api-key-source");
    }

    /// <summary>GWR-1: <c>{"UNAUTHORIZED": {"statusCode": 401, "responseParameters": {"gatewayresponse.header.X": "'v'"}, "responseTemplates": {"application/json": "…"}}}</c>.</summary>
    private static void ReadGatewayResponses(JsonNode? node, ImportPath path, ApiDraft draft, ImportContext context)
    {
        if (node is not JsonObject responses)
        {
            context.Error(path, $"must be an object, found {Kind(node)}");
            return;
        }
        var result = new JsonObject();
        foreach (var (type, value) in responses)
        {
            var at = path[type];
            if (value is not JsonObject response)
            {
                context.Error(at, $"must be an object, found {Kind(value)}");
                continue;
            }
            var converted = new JsonObject();
            foreach (var (member, item) in response)
            {
                switch (member)
                {
                    case "statusCode":
                        var status = int.TryParse(item?.GetValueKind() switch
                        {
                            JsonValueKind.Number => item.ToJsonString(),
                            JsonValueKind.String => item.GetValue<string>(),
                            _ => null,
                        }, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
                        if (status is null)
                            context.Error(at[member], $"must be a status code such as 401, found {Kind(item)}");
                        else
                            converted["statusCode"] = status;
                        break;
                    case "responseParameters":
                        if (ReadResponseHeaders(item, at[member], context) is { } headers)
                            converted["headers"] = headers;
                        break;
                    case "responseTemplates":
                        if (item is not JsonObject templates || templates.Count != 1 || templates.First().Value?.GetValueKind() != JsonValueKind.String)
                            context.Error(at[member], "must hold exactly one template (the emulation answers one content type, application/json)");
                        else
                            converted["template"] = templates.First().Value!.GetValue<string>();
                        break;
                    default:
                        context.Error(at[member], $"unknown member; expected one of {string.Join(", ", GatewayResponseMembers)}");
                        break;
                }
            }
            result[type] = converted;
        }
        draft.SetMember("gatewayResponses", result, path);
    }

    private static JsonObject? ReadResponseHeaders(JsonNode? node, ImportPath path, ImportContext context)
    {
        const string header = "gatewayresponse.header.";
        if (node is not JsonObject parameters)
        {
            context.Error(path, $"must be an object, found {Kind(node)}");
            return null;
        }
        var headers = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            if (!name.StartsWith(header, StringComparison.Ordinal) || name.Length == header.Length)
                context.Error(path[name], $"only {header}<Name> parameters are modelled");
            else if (value?.GetValueKind() != JsonValueKind.String)
                context.Error(path[name], $"must be a string, found {Kind(value)}");
            else
                headers[name[header.Length..]] = value.GetValue<string>();
        }
        return headers;
    }
}
