namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>The results of a scenario, one per request in order, or the error that stopped it before the first request.</summary>
public sealed record ScenarioRun(IReadOnlyList<GatewayResult> Results, ScenarioError? Error);
