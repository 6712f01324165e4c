using Xunit.Sdk;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>A scenario failed for a reason other than a step's own assertion (pending, undefined, malformed, gone).</summary>
public sealed class ScenarioFailedException : XunitException
{
    public ScenarioFailedException() : base("Scenario failed.") { }

    public ScenarioFailedException(string message) : base(message) { }

    public ScenarioFailedException(string message, Exception innerException) : base(message, innerException) { }
}
