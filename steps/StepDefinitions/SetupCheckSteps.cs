using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Configurations API Gateway refuses (CreateAuthorizer / UpdateAuthorizer): the described API goes through the same
/// validating parser as every stage, and the scenario names the JSON path of the refused member.
/// </summary>
[Binding]
public sealed class SetupCheckSteps(Stage stage, Expect expect)
{
    private ScenarioParseResult? _checked;

    [When("the API set-up is checked")]
    public void Check()
    {
        if (stage.Session.Authorizers.Count == 0)
            stage.Authorizer();
        var document = stage.Session.Document();
        var api = (JsonObject)document["api"]!;
        // Routes do not matter for an authorizer's configuration; the parser only needs the member.
        if (api["routes"] is null)
            api["routes"] = new JsonArray();
        _checked = ScenarioParser.Parse(document.ToJsonString());
    }

    [Then("the set-up is refused at {string}")]
    public void Refused(string path)
    {
        var result = Result();
        expect.That(!result.IsValid, () => $"the set-up was accepted; the scenario expects it refused at \"{path}\"");
        expect.That(result.Error!.Path == path, () => $"the set-up is refused at \"{result.Error.Path}\" ({result.Error.Message}); the scenario expects it refused at \"{path}\"");
    }

    [Then("the set-up is refused at {string}: {string}")]
    public void RefusedBecause(string path, string reason)
    {
        Refused(path);
        var message = Result().Error!.Message;
        expect.That(message.StartsWith(reason, StringComparison.Ordinal),
            () => $"the set-up is refused at \"{path}\" with \"{message}\"; the scenario expects a reason starting \"{reason}\"");
    }

    [Then("the set-up is accepted")]
    public void Accepted()
    {
        var result = Result();
        expect.That(result.IsValid, () => $"the set-up is refused at \"{result.Error!.Path}\" ({result.Error.Message}); the scenario expects it accepted");
    }

    private ScenarioParseResult Result() =>
        _checked ?? throw new InvalidOperationException("Add 'When the API set-up is checked' before this step.");
}
