using System.Text.Json.Nodes;

namespace AuthorizerConformance.ApiImport;

/// <summary>
/// The emulation's API definition as an importer builds it, with the source path of every route and authorizer, so an
/// error the validating parser finds in the result can be reported where it came from.
/// </summary>
internal sealed class ApiDraft(string type)
{
    public JsonObject Api { get; } = new() { ["type"] = type };

    public JsonObject Authorizers { get; } = [];

    public List<(JsonObject Route, ImportPath Source)> Routes { get; } = [];

    public Dictionary<string, ImportPath> AuthorizerSources { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ImportPath> ApiMemberSources { get; } = new(StringComparer.Ordinal);

    public string Type => (string)Api["type"]!;

    public void AddRoute(string method, string resource, ImportPath source, string? authorizer, bool apiKeyRequired, string? integrationPayload = null)
    {
        var route = new JsonObject();
        if (Type == "REST")
        {
            route["method"] = method;
            route["resource"] = resource;
        }
        else
        {
            route["routeKey"] = resource == "$default" ? "$default" : $"{method} {resource}";
        }
        if (authorizer is not null)
            route["authorizer"] = authorizer;
        if (apiKeyRequired)
            route["apiKeyRequired"] = true;
        if (integrationPayload is not null)
            route["integrationPayloadFormatVersion"] = integrationPayload;
        Routes.Add((route, source));
    }

    public void SetMember(string name, JsonNode value, ImportPath source)
    {
        Api[name] = value;
        ApiMemberSources[name] = source;
    }
}
