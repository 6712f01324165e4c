using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuthorizerConformance.Gateway.Scenarios;

public static partial class ScenarioParser
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY"];

    private static ApiType ReadApiType(JsonElement api)
    {
        Json.Object(api, "api", "type", "region", "accountId", "apiId", "stage", "routes", "stageVariables", "resourcePolicy",
            "apiKeySource", "apiKeys", "gatewayResponses", "behavior");
        return Json.Choice(api, "api", "type", null, "REST", "HTTP", "WEBSOCKET") switch
        {
            "REST" => ApiType.Rest,
            "HTTP" => ApiType.Http,
            _ => ApiType.WebSocket,
        };
    }

    private static ApiDefinition ReadApi(JsonElement api, ApiType type, IReadOnlyList<AuthorizerDefinition> authorizers)
    {
        var accountId = Json.String(api, "api", "accountId") ?? "123456789012";
        if (!AccountId().IsMatch(accountId))
            throw new ScenarioFormatException("api.accountId", "must be 12 digits");
        var behavior = GatewayBehaviorReader.Read(api, "api");
        var definition = new ApiDefinition
        {
            Type = type,
            Region = Checked(api, "region", Region(), "must be an AWS region code such as us-east-1") ?? "us-east-1",
            AccountId = accountId,
            ApiId = Checked(api, "apiId", ApiId(), "must be an API id: 1 to 10 lowercase letters and digits, as API Gateway generates") ?? "abc123",
            Stage = ReadStage(api, type),
            Routes = ReadRoutes(api, type, authorizers),
            StageVariables = Json.StringMap(api, "api", "stageVariables"),
            ApiKeySource = Json.Choice(api, "api", "apiKeySource", "HEADER", "HEADER", "AUTHORIZER") == "HEADER" ? ApiKeySource.Header : ApiKeySource.Authorizer,
            ApiKeys = Json.Has(api, "apiKeys", out var keys) ? Json.StringArray(keys, "api.apiKeys") : [],
            GatewayResponses = ReadGatewayResponses(api, type),
            Behavior = behavior,
        };
        if (type != ApiType.Rest && (Json.Has(api, "apiKeySource", out _) || Json.Has(api, "apiKeys", out _)))
            throw new ScenarioFormatException(Json.Has(api, "apiKeys", out _) ? "api.apiKeys" : "api.apiKeySource", "API keys and usage plans are modelled for REST APIs only");
        if (Json.Has(api, "resourcePolicy", out var policy))
        {
            // POL-11: resource policies exist on REST APIs.
            if (type != ApiType.Rest)
                throw new ScenarioFormatException("api.resourcePolicy", "resource policies exist only on REST APIs");
            if (!ResourcePolicy.TryCompile(policy, behavior, out _, out var errors))
            {
                var first = errors[0];
                throw new ScenarioFormatException(first.Path.Length == 0 ? "api.resourcePolicy" : $"api.resourcePolicy.{first.Path}", first.Message);
            }
            definition = definition with { ResourcePolicy = policy.Clone() };
        }
        return definition;
    }

    /// <summary>
    /// Issue 16 defect 16: the parts of every ARN the emulation builds are validated as AWS does, so none can smuggle a
    /// colon, slash or wildcard into a method ARN (<c>us-east-1:evil</c>, <c>pr*d</c>, <c>a/b:c*</c>).
    /// </summary>
    private static string? Checked(JsonElement obj, string name, Regex rule, string message)
    {
        var value = Json.String(obj, "api", name);
        if (value is null)
            return null;
        if (value.Length == 0)
            throw new ScenarioFormatException(Json.Child("api", name), "must not be empty");
        return rule.IsMatch(value) ? value : throw new ScenarioFormatException(Json.Child("api", name), $"{message}, found \"{value}\"");
    }

    /// <summary>Stage names: letters, digits, hyphens and underscores, up to 128 (API Gateway CreateStage); HTTP APIs also <c>$default</c>.</summary>
    private static string ReadStage(JsonElement api, ApiType type)
    {
        var stage = Json.String(api, "api", "stage");
        if (stage is null)
            return type == ApiType.Http ? "$default" : "prod";
        if (type == ApiType.Http && stage == "$default")
            return stage;
        return Checked(api, "stage", StageName(), "must be 1 to 128 letters, digits, hyphens or underscores" + (type == ApiType.Http ? ", or $default" : ""))!;
    }

    private static List<RouteDefinition> ReadRoutes(JsonElement api, ApiType type, IReadOnlyList<AuthorizerDefinition> authorizers)
    {
        if (!Json.Has(api, "routes", out var array))
            throw new ScenarioFormatException("api.routes", "is required");
        if (array.ValueKind != JsonValueKind.Array)
            throw new ScenarioFormatException("api.routes", $"must be an array, found {Json.Kind(array)}");
        var routes = new List<RouteDefinition>();
        // Issue 16 defect 15: sets, not a scan of the earlier routes per route (100 000 routes were quadratic).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var known = authorizers.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = Json.Index("api.routes", i++);
            Json.Object(item, path, "method", "resource", "routeKey", "authorizer", "apiKeyRequired", "integrationPayloadFormatVersion");
            var route = ReadRoute(item, path, type);
            if (route.Authorizer is { } name)
            {
                if (!known.Contains(name))
                    throw new ScenarioFormatException(Json.Child(path, "authorizer"), $"unknown authorizer \"{name}\"");
                // WS-1: a Lambda authorizer only on $connect.
                if (type == ApiType.WebSocket && route.RouteKey != "$connect")
                    throw new ScenarioFormatException(Json.Child(path, "authorizer"), "a WebSocket authorizer can only protect $connect");
            }
            if (!seen.Add(route.RouteKey))
                throw new ScenarioFormatException(path, $"duplicate route \"{route.RouteKey}\"");
            routes.Add(route);
        }
        return routes;
    }

    private static RouteDefinition ReadRoute(JsonElement item, string path, ApiType type)
    {
        var authorizer = Json.String(item, path, "authorizer");
        var apiKeyRequired = Json.Bool(item, path, "apiKeyRequired") ?? false;
        if (apiKeyRequired && type != ApiType.Rest)
            throw new ScenarioFormatException(Json.Child(path, "apiKeyRequired"), "API keys are modelled for REST APIs only");
        var integration = type == ApiType.Http
            ? Json.Choice(item, path, "integrationPayloadFormatVersion", "2.0", "1.0", "2.0")
            : Json.Has(item, "integrationPayloadFormatVersion", out _)
                ? throw new ScenarioFormatException(Json.Child(path, "integrationPayloadFormatVersion"), "applies to HTTP APIs only")
                : "2.0";
        var routeKey = Json.String(item, path, "routeKey");
        string? method = null, resource = null;
        if (routeKey is not null)
        {
            if (Json.Has(item, "method", out _) || Json.Has(item, "resource", out _))
                throw new ScenarioFormatException(path, "give either routeKey or method and resource, not both");
            if (type == ApiType.Rest)
                throw new ScenarioFormatException(Json.Child(path, "routeKey"), "REST routes take method and resource");
            if (type == ApiType.WebSocket && !routeKey.StartsWith('$') && routeKey.Contains(' ', StringComparison.Ordinal))
                throw new ScenarioFormatException(Json.Child(path, "routeKey"), "a WebSocket route key is like $connect");
            if (type == ApiType.Http && routeKey != "$default")
            {
                var parts = routeKey.Split(' ');
                if (parts.Length != 2)
                    throw new ScenarioFormatException(Json.Child(path, "routeKey"), "must be \"$default\" or \"METHOD /path\"");
                (method, resource) = (CheckVerb(parts[0], Json.Child(path, "routeKey")), CheckResource(parts[1], Json.Child(path, "routeKey")));
                routeKey = $"{method} {resource}";
            }
        }
        else
        {
            if (type == ApiType.WebSocket)
                throw new ScenarioFormatException(Json.Child(path, "routeKey"), "is required for a WebSocket route");
            method = CheckVerb(Json.String(item, path, "method", required: true)!, Json.Child(path, "method"));
            resource = CheckResource(Json.String(item, path, "resource", required: true)!, Json.Child(path, "resource"));
            routeKey = $"{method} {resource}";
        }
        return new RouteDefinition
        {
            Method = method, Resource = resource, RouteKey = routeKey, Authorizer = authorizer,
            ApiKeyRequired = apiKeyRequired, IntegrationPayloadFormatVersion = integration,
        };
    }

    private static string CheckVerb(string verb, string path)
    {
        var upper = verb.ToUpperInvariant();
        return Verbs.Contains(upper, StringComparer.Ordinal) ? upper
            : throw new ScenarioFormatException(path, $"must be one of {string.Join(", ", Verbs)}, found \"{verb}\"");
    }

    private static string CheckResource(string resource, string path)
    {
        if (!resource.StartsWith('/'))
            throw new ScenarioFormatException(path, $"the resource must start with /, found \"{resource}\"");
        var segments = resource.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].EndsWith("+}", StringComparison.Ordinal) && i != segments.Length - 1)
                throw new ScenarioFormatException(path, "a greedy {name+} parameter must be the last segment");
        }
        return resource;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    // Region codes: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5 …
    [GeneratedRegex("^[a-z]{2}(-[a-z]{2,10}){1,2}-[0-9]{1,2}$")]
    private static partial Regex Region();

    [GeneratedRegex("^[a-z0-9]{1,10}$")]
    private static partial Regex ApiId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex StageName();
}
