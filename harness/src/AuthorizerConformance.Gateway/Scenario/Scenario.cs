namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>
/// A parsed scenario file: the API, its authorizers and the client requests to replay in order. This contract is
/// shared by <c>authz simulate</c>, the feature steps and other tools: extend it, never rename its members.
/// </summary>
public sealed record Scenario
{
    /// <summary>The API stage.</summary>
    public required ApiDefinition Api { get; init; }

    /// <summary>The authorizers, by name.</summary>
    public IReadOnlyList<AuthorizerDefinition> Authorizers { get; init; } = [];

    /// <summary>The requests, in order.</summary>
    public IReadOnlyList<ScenarioRequest> Requests { get; init; } = [];

    /// <summary>The clock's start (<c>startTime</c>); null means the runner's default (the current time in the CLI).</summary>
    public DateTimeOffset? StartTime { get; init; }
}
