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
public sealed class SetupCheckSteps(Stage stage)
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
        Assert.False(result.IsValid, $"The set-up was accepted, but must be refused at {path}.");
        Assert.Equal(path, result.Error!.Path);
    }

    [Then("the set-up is refused at {string}: {string}")]
    public void RefusedBecause(string path, string reason)
    {
        Refused(path);
        Assert.StartsWith(reason, Result().Error!.Message, StringComparison.Ordinal);
    }

    [Then("the set-up is accepted")]
    public void Accepted()
    {
        var result = Result();
        Assert.True(result.IsValid, $"The set-up was refused: {result.Error}.");
    }

    private ScenarioParseResult Result() =>
        _checked ?? throw new InvalidOperationException("Add 'When the API set-up is checked' before this step.");
}
