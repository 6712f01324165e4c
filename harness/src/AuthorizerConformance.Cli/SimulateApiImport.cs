using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.ApiImport;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz simulate --api FILE</c>: the scenario's <c>api</c> and <c>authorizers</c> come from the imported definition;
/// the scenario file holds the requests (and <c>startTime</c>), and may give an authorizer's function as
/// <c>"authorizers": {"Name": {"function": {…}}}</c> (nothing else there: the rest is the definition's).
/// </summary>
public static class SimulateApiImport
{
    /// <summary>The combined scenario text, or an error for people.</summary>
    public static (string? Scenario, string? Error) Combine(string scenarioText, string apiFile, string? apiName)
    {
        JsonObject scenario;
        try
        {
            scenario = JsonNode.Parse(scenarioText, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new JsonException("the scenario must be a JSON object");
        }
        catch (JsonException e)
        {
            return (null, $"invalid scenario: {e.Message}");
        }
        if (scenario.ContainsKey("api"))
            return (null, "invalid scenario: api: give the API either with --api or in the scenario's api member, not both");
        var functions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (scenario["authorizers"] is { } mapped)
        {
            if (mapped is not JsonObject byName)
                return (null, "invalid scenario: authorizers: must be an object mapping authorizer names to {\"function\": {…}}");
            foreach (var (name, value) in byName)
            {
                if (value is not JsonObject entry || entry.Count != 1 || entry["function"] is not JsonObject function)
                    return (null, $"invalid scenario: authorizers.{name}: with --api only \"function\" may be given here; the rest comes from the API definition");
                functions[name] = (JsonObject)function.DeepClone();
            }
        }
        var imported = ApiDefinitionImporter.Import(apiFile, new ApiImportOptions { ApiName = apiName, Functions = functions });
        if (!imported.IsValid)
            return (null, $"cannot import the API:{Environment.NewLine}{imported}");
        scenario["api"] = imported.Api!.Api;
        scenario["authorizers"] = imported.Api.Authorizers;
        return (scenario.ToJsonString(), null);
    }
}
