using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AuthorizerConformance.ApiImport.OpenApi;

internal static partial class OpenApiImporter
{
    /// <summary>What a security scheme stands for: a Lambda authorizer, the API-key requirement, or something we refuse.</summary>
    private sealed record Scheme(string Name, bool IsAuthorizer, bool IsApiKey, string? Refusal, ImportPath Path)
    {
        /// <summary>The scheme was refused and reported already; the routes naming it are not reported again.</summary>
        public bool Reported { get; init; }
    }

    private static readonly string[] AuthorizerMembers =
    [
        "type", "authorizerUri", "authorizerCredentials", "identitySource", "identityValidationExpression",
        "authorizerResultTtlInSeconds", "authorizerPayloadFormatVersion", "enableSimpleResponses",
    ];

    private static Dictionary<string, Scheme> ReadSchemes(OpenApiDocument document, bool swagger2, ApiDraft draft, ImportContext context)
    {
        var schemes = new Dictionary<string, Scheme>(StringComparer.Ordinal);
        var section = document.Components?.SecuritySchemes;
        if (section is null)
            return schemes;
        // Swagger 2 calls them securityDefinitions; OpenAPI.NET reads both into components.securitySchemes.
        var root = swagger2
            ? ImportPath.Root["securityDefinitions"] : ImportPath.Root["components"]["securitySchemes"];
        foreach (var (name, scheme) in section)
        {
            var path = root[name];
            var authType = Extension(scheme.Extensions, AuthType)?.ToString();
            if (Extension(scheme.Extensions, Authorizer) is { } authorizer)
            {
                if (authType is not null && !authType.Equals("custom", StringComparison.OrdinalIgnoreCase))
                {
                    context.Error(path[AuthType], $"\"{authType}\" with a Lambda authorizer: only \"custom\" is modelled");
                    schemes[name] = new Scheme(name, false, false, null, path) { Reported = true };
                    continue;
                }
                if (ReadAuthorizer(authorizer, scheme, path[Authorizer], draft, context) is { } definition)
                {
                    draft.Authorizers[name] = definition;
                    draft.AuthorizerSources[name] = path[Authorizer];
                    schemes[name] = new Scheme(name, true, false, null, path);
                }
                else
                    schemes[name] = new Scheme(name, false, false, null, path) { Reported = true };
                continue;
            }
            // API Gateway reads an apiKey scheme named x-api-key in the header, without an authorizer, as "API key required".
            if (scheme.Type == SecuritySchemeType.ApiKey && scheme.In == ParameterLocation.Header
                && string.Equals(scheme.Name, "x-api-key", StringComparison.OrdinalIgnoreCase) && authType is null)
            {
                schemes[name] = new Scheme(name, false, true, null, path);
                continue;
            }
            var what = authType is not null ? $"{AuthType} \"{authType}\"" : $"a {scheme.Type?.ToString() ?? "typeless"} scheme without {Authorizer}";
            schemes[name] = new Scheme(name, false, false,
                $"security scheme \"{name}\" is {what}; only Lambda authorizers (TOKEN, REQUEST) and the x-api-key API key are modelled", path);
        }
        return schemes;
    }

    private static JsonObject? ReadAuthorizer(JsonNode node, IOpenApiSecurityScheme scheme, ImportPath path, ApiDraft draft, ImportContext context)
    {
        if (node is not JsonObject source)
        {
            context.Error(path, $"must be an object, found {Kind(node)}");
            return null;
        }
        var ok = true;
        foreach (var (member, _) in source)
        {
            if (!AuthorizerMembers.Contains(member, StringComparer.Ordinal))
            {
                var why = member is "providerARNs" or "jwtConfiguration"
                    ? "Cognito and JWT authorizers are not modelled; only Lambda authorizers (TOKEN, REQUEST)"
                    : $"unknown member; expected one of {string.Join(", ", AuthorizerMembers)}";
                context.Error(path[member], why);
                ok = false;
            }
        }
        var type = Text(source, "type", path, context);
        var result = new JsonObject();
        switch (type?.ToUpperInvariant())
        {
            case "TOKEN":
            case "REQUEST":
                result["type"] = type.ToUpperInvariant();
                break;
            case null:
                context.Error(path["type"], "is required (\"token\" or \"request\")");
                ok = false;
                break;
            default:
                context.Error(path["type"], $"\"{type}\" is not modelled; only Lambda authorizers: \"token\" or \"request\"");
                ok = false;
                break;
        }
        var identity = Text(source, "identitySource", path, context);
        if (identity is null && type?.ToUpperInvariant() == "TOKEN" && scheme.In == ParameterLocation.Header && scheme.Name is { Length: > 0 } header)
            identity = $"method.request.header.{header}"; // a TOKEN authorizer reads the header the scheme names
        if (identity is not null)
        {
            result["identitySource"] = draft.Type == "REST"
                ? identity
                : new JsonArray([.. identity.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode)s)]);
        }
        if (Text(source, "identityValidationExpression", path, context) is { } expression)
            result["identityValidationExpression"] = expression;
        if (Number(source, "authorizerResultTtlInSeconds", path, context) is { } ttl)
            result["resultTtlInSeconds"] = ttl;
        if (Text(source, "authorizerPayloadFormatVersion", path, context) is { } payload)
            result["payloadFormatVersion"] = payload;
        if (source["enableSimpleResponses"] is { } simple)
        {
            if (simple.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                result["enableSimpleResponses"] = simple.GetValue<bool>();
            else
            {
                context.Error(path["enableSimpleResponses"], $"must be true or false, found {Kind(simple)}");
                ok = false;
            }
        }
        // authorizerUri and authorizerCredentials name the deployed function and its role: the function here is the
        // authorizer under test (or what ApiImportOptions.Functions maps), so they are read and not used.
        return ok ? result : null;
    }

    private static string? Text(JsonObject source, string name, ImportPath path, ImportContext context)
    {
        if (source[name] is not { } value)
            return null;
        if (value.GetValueKind() == JsonValueKind.String)
            return value.GetValue<string>();
        context.Error(path[name], $"must be a string, found {Kind(value)}");
        return null;
    }

    private static JsonNode? Number(JsonObject source, string name, ImportPath path, ImportContext context)
    {
        if (source[name] is not { } value)
            return null;
        if (value.GetValueKind() == JsonValueKind.Number)
            return value.DeepClone();
        // YAML writes 300 as a number, but a quoted "300" is a common sight: AWS accepts the integer either way.
        if (value.GetValueKind() == JsonValueKind.String && int.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number;
        context.Error(path[name], $"must be a number, found {Kind(value)}");
        return null;
    }

    internal static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
