using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using YamlDotNet.RepresentationModel;

namespace AuthorizerConformance.ApiImport.OpenApi;

/// <summary>
/// OpenAPI 3 and Swagger 2 with the API Gateway extensions → the emulation's API definition. OpenAPI.NET reads the
/// document (Swagger 2 arrives as the OpenAPI 3 model, <c>securityDefinitions</c> as security schemes); the
/// <c>x-amazon-apigateway-*</c> extensions are read here, strictly: a member or value we do not model is an error.
/// </summary>
internal static partial class OpenApiImporter
{
    public static ApiImportResult Import(string text, string file, YamlNode? tree, ApiImportOptions options)
    {
        var context = new ImportContext(file, tree);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var format = text.TrimStart().StartsWith('{') ? OpenApiConstants.Json : OpenApiConstants.Yaml;
        ReadResult read;
        try
        {
            read = OpenApiDocument.Parse(text, format, settings);
        }
        catch (OpenApiException e)
        {
            context.Error(ImportPath.FromPointer(e.Pointer), $"not a readable OpenAPI document: {e.Message}");
            return ApiImportResult.Failed(context.Errors);
        }
        foreach (var error in read.Diagnostic?.Errors ?? [])
            context.Error(ImportPath.FromPointer(error.Pointer), error.Message);
        if (read.Document is not { } document || context.HasErrors)
        {
            if (!context.HasErrors)
                context.Error(ImportPath.Root, "not an OpenAPI document");
            return ApiImportResult.Failed(context.Errors);
        }

        var draft = new ApiDraft(DetectType(document));
        var swagger2 = read.Diagnostic?.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0;
        var schemes = ReadSchemes(document, swagger2, draft, context);
        ReadDocumentExtensions(document, draft, context);
        ReadPaths(document, draft, schemes, context);
        return ApiDraftValidator.Finish(draft, context, options);
    }

    /// <summary>
    /// An HTTP API's definition says so with HTTP-only members (an authorizer's payload format or simple responses, a
    /// <c>$request.</c> identity source, the HTTP import/export or CORS extension, an integration payload format);
    /// anything else is a REST API.
    /// </summary>
    private static string DetectType(OpenApiDocument document)
    {
        if (Has(document.Extensions, "x-amazon-apigateway-importexport-version") || Has(document.Extensions, "x-amazon-apigateway-cors"))
            return "HTTP";
        foreach (var scheme in document.Components?.SecuritySchemes?.Values ?? [])
        {
            if (Extension(scheme.Extensions, Authorizer) is JsonObject authorizer
                && (authorizer.ContainsKey("authorizerPayloadFormatVersion") || authorizer.ContainsKey("enableSimpleResponses")
                    || (authorizer["identitySource"] as JsonValue)?.GetValue<object>() is string source && source.TrimStart().StartsWith('$')))
                return "HTTP";
        }
        foreach (var item in document.Paths.Values)
        {
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (Extension(operation.Extensions, Integration) is JsonObject integration && integration.ContainsKey("payloadFormatVersion"))
                    return "HTTP";
            }
            if (Extension(item.Extensions, AnyMethod) is JsonObject any && any[Integration] is JsonObject anyIntegration && anyIntegration.ContainsKey("payloadFormatVersion"))
                return "HTTP";
        }
        return "REST";
    }

    internal const string Authorizer = "x-amazon-apigateway-authorizer";
    internal const string AuthType = "x-amazon-apigateway-authtype";
    internal const string AnyMethod = "x-amazon-apigateway-any-method";
    internal const string Integration = "x-amazon-apigateway-integration";

    internal static bool Has(IDictionary<string, IOpenApiExtension>? extensions, string name) => extensions?.ContainsKey(name) == true;

    internal static JsonNode? Extension(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions is not null && extensions.TryGetValue(name, out var value) && value is JsonNodeExtension node ? node.Node : null;
}
