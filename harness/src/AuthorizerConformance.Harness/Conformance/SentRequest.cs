using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Conformance;

/// <summary>A request a scenario sent, and when on the scenario's clock (<paramref name="At"/> since its start).</summary>
public sealed record SentRequest(ClientRequest Request, TimeSpan At);
