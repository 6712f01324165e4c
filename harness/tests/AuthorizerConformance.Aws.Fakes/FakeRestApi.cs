namespace AuthorizerConformance.Aws.Fakes;

/// <summary>A REST API the fake control plane knows: id, name, authorizers, stages (name → stage variables).</summary>
public sealed record FakeRestApi
{
    /// <summary>The API id.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public string Name { get; init; } = "api";

    /// <summary>Its authorizers.</summary>
    public IReadOnlyList<FakeAuthorizer> Authorizers { get; init; } = [];

    /// <summary>Its stages: name → stage variables.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Stages { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
