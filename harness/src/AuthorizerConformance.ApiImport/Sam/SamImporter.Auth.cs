using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace AuthorizerConformance.ApiImport.Sam;

internal static partial class SamImporter
{
    private sealed record ApiAuth(string? DefaultAuthorizer, bool ApiKeyRequired);

    private static readonly string[] RestAuthMembers = ["Authorizers", "DefaultAuthorizer", "ApiKeyRequired", "AddDefaultAuthorizerToCorsPreflight", "InvokeRole"];
    private static readonly string[] HttpAuthMembers = ["Authorizers", "DefaultAuthorizer", "EnableIamAuthorizer"];
    private static readonly string[] RestAuthorizerMembers = ["FunctionArn", "FunctionPayloadType", "FunctionInvokeRole", "Identity", "DisableFunctionDefaultPermissions"];
    private static readonly string[] HttpAuthorizerMembers = ["FunctionArn", "AuthorizerPayloadFormatVersion", "EnableSimpleResponses", "FunctionInvokeRole", "Identity", "EnableFunctionDefaultPermissions"];
    private static readonly string[] RestIdentityMembers = ["Header", "ValidationExpression", "ReauthorizeEvery", "Headers", "QueryStrings", "StageVariables", "Context"];
    private static readonly string[] HttpIdentityMembers = ["Headers", "QueryStrings", "StageVariables", "Context", "ReauthorizeEvery"];

    /// <summary>The API's own settings; returns its Auth defaults for the routes.</summary>
    private static ApiAuth ReadApi(YamlMappingNode? properties, ImportPath path, ApiDraft draft, SamValues values)
    {
        var context = values.Context;
        var rest = draft.Type == "REST";
        foreach (var (key, node) in properties?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var at = path[name];
            switch (name)
            {
                case "StageName":
                    if (values.Text(node, at) is { } stage)
                        draft.SetMember("stage", stage, at);
                    break;
                case "ApiKeySourceType" when rest:
                    if (values.Text(node, at) is { } source)
                        draft.SetMember("apiKeySource", source, at);
                    break;
                case "GatewayResponses" when rest:
                    ReadGatewayResponses(node, at, draft, values);
                    break;
                case "DefinitionBody" or "DefinitionUri":
                    context.Error(at, $"{name}: import the OpenAPI definition itself (authz … --api openapi.yaml); the template's Auth is not applied to it here");
                    break;
                case "Auth":
                    break;
                case "Name" or "Description" or "Cors" or "CorsConfiguration" or "Tags" or "MethodSettings" or "TracingEnabled" or "EndpointConfiguration"
                    or "Variables" or "StageVariables" or "AccessLogSetting" or "AccessLogSettings" or "BinaryMediaTypes" or "MinimumCompressionSize"
                    or "OpenApiVersion" or "CacheClusterEnabled" or "CacheClusterSize" or "Domain" or "DisableExecuteApiEndpoint" or "FailOnWarnings"
                    or "PropagateTags" or "Mode" or "AlwaysDeploy" or "MergeDefinitions" or "DefaultRouteSettings" or "RouteSettings" or "Models":
                    break; // not about authorization: read and not modelled (docs/api-import.md)
                default:
                    context.Error(at, $"{name} is not supported by the importer");
                    break;
            }
        }
        var auth = SamImporter.Map(properties, "Auth");
        if (auth is null)
            return new ApiAuth(null, false);
        var authPath = path["Auth"];
        Known(auth, rest ? RestAuthMembers : HttpAuthMembers, authPath, context);
        if (rest && Member(auth, "ResourcePolicy") is not null)
            context.Error(authPath["ResourcePolicy"], "SAM's ResourcePolicy is not modelled; write the policy as x-amazon-apigateway-policy in an OpenAPI definition");
        if (!rest && Scalar(auth, "EnableIamAuthorizer") == "true")
            context.Error(authPath["EnableIamAuthorizer"], "IAM authorization is not modelled; only Lambda authorizers");
        foreach (var (key, node) in SamImporter.Map(auth, "Authorizers")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var at = authPath["Authorizers"][name];
            if (node is YamlMappingNode authorizer && (rest ? RestAuthorizer(authorizer, at, values) : HttpAuthorizer(authorizer, at, values)) is { } definition)
            {
                draft.Authorizers[name] = definition;
                draft.AuthorizerSources[name] = at;
            }
            else if (node is not YamlMappingNode)
                context.Error(at, "must be a mapping");
        }
        var defaultAuthorizer = Member(auth, "DefaultAuthorizer") is { } d ? values.Text(d, authPath["DefaultAuthorizer"]) : null;
        if (defaultAuthorizer is "AWS_IAM")
            context.Error(authPath["DefaultAuthorizer"], "IAM authorization is not modelled; only Lambda authorizers");
        else if (defaultAuthorizer is not null && !draft.Authorizers.ContainsKey(defaultAuthorizer) && !context.HasErrors)
            context.Error(authPath["DefaultAuthorizer"], $"names \"{defaultAuthorizer}\", which is not one of Auth.Authorizers");
        return new ApiAuth(defaultAuthorizer, Scalar(auth, "ApiKeyRequired") == "true");
    }

    private static JsonObject? RestAuthorizer(YamlMappingNode node, ImportPath path, SamValues values)
    {
        var context = values.Context;
        if (Member(node, "UserPoolArn") is not null)
        {
            context.Error(path["UserPoolArn"], "Cognito authorizers are not modelled; only Lambda authorizers (TOKEN, REQUEST)");
            return null;
        }
        if (!Known(node, RestAuthorizerMembers, path, context) || !HasFunction(node, path, values))
            return null;
        var type = Scalar(node, "FunctionPayloadType") ?? "TOKEN";
        if (type is not ("TOKEN" or "REQUEST"))
        {
            context.Error(path["FunctionPayloadType"], $"must be TOKEN or REQUEST, found \"{type}\"");
            return null;
        }
        var identity = SamImporter.Map(node, "Identity");
        if (identity is not null && !Known(identity, RestIdentityMembers, path["Identity"], context))
            return null;
        var result = new JsonObject { ["type"] = type };
        if (type == "TOKEN")
        {
            // SAM: a TOKEN authorizer reads Identity.Header, Authorization by default.
            result["identitySource"] = $"method.request.header.{Scalar(identity, "Header") ?? "Authorization"}";
            if (Scalar(identity, "ValidationExpression") is { } expression)
                result["identityValidationExpression"] = expression;
        }
        else
        {
            result["identitySource"] = string.Join(", ", Sources(identity, "method.request.header.", "method.request.querystring.", "stageVariables.", "context."));
        }
        if (Scalar(identity, "ReauthorizeEvery") is { } ttl)
            result["resultTtlInSeconds"] = Number(ttl, path["Identity"]["ReauthorizeEvery"], context);
        return result;
    }

    private static JsonObject? HttpAuthorizer(YamlMappingNode node, ImportPath path, SamValues values)
    {
        var context = values.Context;
        if (Member(node, "JwtConfiguration") is not null || Member(node, "IdentitySource") is not null)
        {
            context.Error(path, "JWT authorizers are not modelled; only Lambda authorizers (FunctionArn)");
            return null;
        }
        if (!Known(node, HttpAuthorizerMembers, path, context) || !HasFunction(node, path, values))
            return null;
        var identity = SamImporter.Map(node, "Identity");
        if (identity is not null && !Known(identity, HttpIdentityMembers, path["Identity"], context))
            return null;
        var sources = Sources(identity, "$request.header.", "$request.querystring.", "$stageVariables.", "$context.");
        var result = new JsonObject
        {
            ["type"] = "REQUEST",
            ["identitySource"] = new JsonArray([.. sources.Select(s => (JsonNode)s)]),
        };
        if (Scalar(node, "AuthorizerPayloadFormatVersion") is { } payload)
            result["payloadFormatVersion"] = payload;
        else
            context.Error(path, "AuthorizerPayloadFormatVersion is required for a Lambda authorizer (\"1.0\" or \"2.0\")");
        if (Scalar(node, "EnableSimpleResponses") is { } simple)
            result["enableSimpleResponses"] = simple == "true";
        // SAM: ReauthorizeEvery, else 300 when there are identity sources; without sources nothing can be cached.
        result["resultTtlInSeconds"] = Scalar(identity, "ReauthorizeEvery") is { } ttl ? Number(ttl, path["Identity"]["ReauthorizeEvery"], context)
            : sources.Count > 0 ? 300 : 0;
        return result;
    }

    private static bool HasFunction(YamlMappingNode node, ImportPath path, SamValues values)
    {
        if (Member(node, "FunctionArn") is not { } arn)
        {
            values.Context.Error(path, "FunctionArn is required");
            return false;
        }
        // The function is the authorizer under test (or what the options map); its name is resolved to check the template.
        return values.FunctionName(arn, path["FunctionArn"]) is not null;
    }

    private static List<string> Sources(YamlMappingNode? identity, string header, string query, string stage, string context)
    {
        var sources = new List<string>();
        foreach (var (member, prefix) in new[] { ("Headers", header), ("QueryStrings", query), ("StageVariables", stage), ("Context", context) })
        {
            if (Member(identity, member) is YamlSequenceNode list)
                sources.AddRange(list.Children.OfType<YamlScalarNode>().Select(s => prefix + s.Value));
        }
        return sources;
    }

    private static int Number(string text, ImportPath path, ImportContext context)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number;
        context.Error(path, $"must be a whole number of seconds, found \"{text}\"");
        return 0;
    }

    private static bool Known(YamlMappingNode node, string[] known, ImportPath path, ImportContext context)
    {
        var ok = true;
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !known.Contains(k.Value, StringComparer.Ordinal)))
        {
            context.Error(path[key.Value ?? ""], $"is not supported; expected one of {string.Join(", ", known)}");
            ok = false;
        }
        return ok;
    }
}
