using System.Text.Json.Nodes;
using AuthorizerConformance.ApiImport;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Reqnroll.xUnit3;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>The API under test: its type, routes, stage variables, API keys, resource policy, gateway responses, behaviour options.</summary>
[Binding]
public sealed class ApiSteps(Stage stage, ScenarioDefinition scenario)
{
    /// <summary>The team's API, imported from OpenAPI 3 / Swagger 2 or a SAM template; the path is relative to the feature file.</summary>
    [Given("the API defined in {string}")]
    public void ApiDefinedIn(string file)
    {
        var featureFolder = Path.GetDirectoryName(Path.Combine(scenario.File.Directory, scenario.File.RelativePath))!;
        var result = ApiDefinitionImporter.Import(Path.GetFullPath(Path.Combine(featureFolder, file)));
        if (!result.IsValid)
            throw new InvalidOperationException($"The API definition \"{file}\" ({scenario.Location}) cannot be imported:{Environment.NewLine}{result}");
        stage.UseImportedApi(result.Api!);
    }

    /// <summary>The team's API of the run (<c>authz run --api FILE</c>, or AUTHZ_API): a scenario of the team's features
    /// runs on it anyway when it describes no API; this step says so, and fails when the run was given none.</summary>
    [Given("the API under test")]
    public void TheApiUnderTest() => stage.UseImportedApi(stage.ApiUnderTest ?? Import()
        ?? throw new InvalidOperationException(
            $"The scenario runs on the API under test, but the run was given none: run it with authz run --api FILE, or set {ApiUnderTest.EnvironmentVariable}."));

    /// <summary>Offers the run's API (AUTHZ_API) to a scenario of the team's features; a built-in feature never gets it.</summary>
    // Called by Hooks.BeforeScenario (one hook for every part).
    public void OfferTheApiUnderTest()
    {
        if (ApiUnderTest.FileFromEnvironment is not null && !BuiltinFeatures.Contains(Path.Combine(scenario.File.Directory, scenario.File.RelativePath)))
            stage.ApiUnderTest = Import();
    }

    /// <summary>The run's API, or null when none was given; a definition that does not import fails the scenario with every error.</summary>
    private static ImportedApi? Import() => ApiUnderTest.FromEnvironment() switch
    {
        null => null,
        { IsValid: true } result => result.Api,
        var result => throw new InvalidOperationException($"The API under test ({ApiUnderTest.EnvironmentVariable}) cannot be imported:{Environment.NewLine}{result}"),
    };

    [Given("a REST API")]
    public void RestApi() => stage.SetApiType("REST");

    [Given("an HTTP API")]
    public void HttpApi() => stage.SetApiType("HTTP");

    [Given("a WebSocket API")]
    public void WebSocketApi() => stage.SetApiType("WEBSOCKET");

    [Given("the API is {string} in account {string}, region {string}, stage {string}")]
    public void ApiIdentity(string apiId, string account, string region, string stageName)
    {
        stage.Session.Api["apiId"] = apiId;
        stage.Session.Api["accountId"] = account;
        stage.Session.Api["region"] = region;
        stage.Session.Api["stage"] = stageName;
    }

    [Given("the route {string} is protected by the authorizer")]
    public void ProtectedRoute(string route) => stage.AddRoute(route, Stage.DefaultAuthorizer);

    [Given("the route {string} is protected by the authorizer {string}")]
    public void ProtectedRouteBy(string route, string authorizer) => stage.AddRoute(route, authorizer);

    [Given("the route {string} has no authorizer")]
    public void OpenRoute(string route) => stage.AddRoute(route, null);

    [Given("the route {string} requires an API key")]
    public void ApiKeyRequired(string route) => stage.Route(route)["apiKeyRequired"] = true;

    [Given("the route {string} sends payload format {string} to its integration")]
    public void IntegrationPayload(string route, string version) => stage.Route(route)["integrationPayloadFormatVersion"] = version;

    [Given("the stage variable {string} is {string}")]
    public void StageVariable(string name, string value) => Object(stage.Session.Api, "stageVariables")[name] = value;

    [Given("the usage plan has the API key {string}")]
    public void UsagePlanKey(string key) =>
        (stage.Session.Api["apiKeys"] as JsonArray ?? (JsonArray)(stage.Session.Api["apiKeys"] = new JsonArray())).Add(key);

    [Given("API keys come from the authorizer")]
    public void ApiKeysFromAuthorizer() => stage.Session.Api["apiKeySource"] = "AUTHORIZER";

    [Given("the API resource policy is:")]
    public void ResourcePolicy(string policy) => stage.Session.Api["resourcePolicy"] = JsonText.Parse(policy, "The resource policy");

    [Given("the {word} gateway response has status {int}")]
    public void GatewayResponseStatus(string type, int status) => GatewayResponse(type)["statusCode"] = status;

    [Given("the {word} gateway response has the template:")]
    public void GatewayResponseTemplate(string type, string template) => GatewayResponse(type)["template"] = template;

    [Given("the {word} gateway response has the header {string} set to {string}")]
    public void GatewayResponseHeader(string type, string name, string value) => Object(GatewayResponse(type), "headers")[name] = value;

    [Given("the behaviour option {string} is {string}")]
    [Given("the behaviour option {string} is:")]
    public void BehaviourOption(string name, string json) => Object(stage.Session.Api, "behavior")[name] = JsonText.Value(json);

    private JsonObject GatewayResponse(string type) => Object(Object(stage.Session.Api, "gatewayResponses"), type);

    private static JsonObject Object(JsonObject parent, string name) =>
        parent[name] as JsonObject ?? (JsonObject)(parent[name] = new JsonObject());
}
