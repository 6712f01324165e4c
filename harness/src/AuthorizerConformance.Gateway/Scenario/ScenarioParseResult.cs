namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>The outcome of parsing a scenario file: the scenario, or the first error with its JSON path.</summary>
public sealed class ScenarioParseResult
{
    private ScenarioParseResult(Scenario? scenario, ScenarioError? error)
    {
        Scenario = scenario;
        Error = error;
    }

    /// <summary>The scenario when valid.</summary>
    public Scenario? Scenario { get; }

    /// <summary>The error when invalid.</summary>
    public ScenarioError? Error { get; }

    /// <summary>True when <see cref="Scenario"/> is set.</summary>
    public bool IsValid => Scenario is not null;

    internal static ScenarioParseResult Valid(Scenario scenario) => new(scenario, null);

    internal static ScenarioParseResult Failed(ScenarioError error) => new(null, error);
}
