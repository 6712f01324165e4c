namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>Raised inside the scenario parser only and turned into a <see cref="ScenarioError"/> at its boundary.</summary>
internal sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException() { }

    public ScenarioFormatException(string message) : base(message) { }

    public ScenarioFormatException(string message, Exception inner) : base(message, inner) { }

    public ScenarioFormatException(string path, string message) : base(message) => Path = path;

    public string Path { get; } = "";
}
