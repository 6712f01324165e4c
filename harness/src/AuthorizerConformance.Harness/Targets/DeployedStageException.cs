namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// A deployed stage or API Gateway could not be reached, refused the harness, or gave no answer in time: an
/// infrastructure fault of the target. It fails the scenario with <see cref="Exception.Message"/> (what to fix); it
/// never passes it.
/// </summary>
public sealed class DeployedStageException : Exception
{
    public DeployedStageException() : base("the deployed stage could not be reached") { }

    public DeployedStageException(string message) : base(message) { }

    public DeployedStageException(string message, Exception inner) : base(message, inner) { }
}
