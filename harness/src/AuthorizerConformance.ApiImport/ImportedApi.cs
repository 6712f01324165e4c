using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.ApiImport;

/// <summary>
/// An imported API in the emulation's terms: the <c>api</c> and <c>authorizers</c> members of an <c>authz simulate</c>
/// scenario file (docs/gateway.md), already accepted by <see cref="ScenarioParser"/>.
/// </summary>
public sealed class ImportedApi
{
    internal ImportedApi(string sourceFile, JsonObject api, JsonObject authorizers, Scenario parsed)
    {
        SourceFile = sourceFile;
        ApiJson = api;
        AuthorizersJson = authorizers;
        Parsed = parsed;
    }

    /// <summary>The file the API was read from.</summary>
    public string SourceFile { get; }

    /// <summary>The scenario's <c>api</c> member (type, routes, resourcePolicy, gatewayResponses, apiKeySource…). A copy.</summary>
    public JsonObject Api => (JsonObject)ApiJson.DeepClone();

    /// <summary>The scenario's <c>authorizers</c> member, by name. A copy.</summary>
    public JsonObject Authorizers => (JsonObject)AuthorizersJson.DeepClone();

    /// <summary>The API as the validating parser read it (routes, authorizers with their settings).</summary>
    public Scenario Parsed { get; }

    private JsonObject ApiJson { get; }

    private JsonObject AuthorizersJson { get; }

    /// <summary>A scenario document with these members and no requests.</summary>
    public JsonObject ToScenario() => new() { ["api"] = Api, ["authorizers"] = Authorizers, ["requests"] = new JsonArray() };
}
