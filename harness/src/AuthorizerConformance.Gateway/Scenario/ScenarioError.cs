namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>What is wrong with a scenario file, and where: a JSON path such as <c>authorizers.A.resultTtlInSeconds</c>.</summary>
public sealed record ScenarioError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
