namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>One request of a scenario and when it is sent, as an offset from the scenario's start (<c>atSeconds</c>).</summary>
public sealed record ScenarioRequest(ClientRequest Request, TimeSpan At);
