namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// A scenario cannot apply to the authorizer under test (it needs a REQUEST function and the profile describes a TOKEN
/// authorizer, say). The steps turn it into a skip with <see cref="Exception.Message"/> as the reason: never a pass.
/// </summary>
public sealed class ScenarioNotApplicableException : Exception
{
    public ScenarioNotApplicableException() : base("the scenario does not apply to the authorizer under test") { }

    public ScenarioNotApplicableException(string message) : base(message) { }

    public ScenarioNotApplicableException(string message, Exception inner) : base(message, inner) { }
}
