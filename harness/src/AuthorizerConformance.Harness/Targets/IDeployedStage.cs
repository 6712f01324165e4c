using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// A target that is a whole deployed stage: it answers a scenario's client requests itself (over the network), with
/// its own API configuration, authorizer and cache, instead of lending a function to the emulated gateway. The result
/// carries what a client sees (status, headers, body); what only the gateway knows is left out, and the target says so
/// through <see cref="IConformanceTarget.CannotObserve"/>.
/// </summary>
public interface IDeployedStage
{
    /// <summary>Sends <paramref name="request"/> to the stage and reads its answer.</summary>
    /// <exception cref="DeployedStageException">The stage could not be reached or gave no answer in time.</exception>
    Task<GatewayResult> SendAsync(ClientRequest request, CancellationToken cancellationToken);

    /// <summary>Waits <paramref name="duration"/> of real time (a deployed stage's cache runs on the real clock), or
    /// throws <see cref="ScenarioNotApplicableException"/> when slow waits were not allowed.</summary>
    Task WaitAsync(TimeSpan duration, CancellationToken cancellationToken);
}
