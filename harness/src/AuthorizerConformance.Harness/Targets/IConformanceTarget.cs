using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// Where the authorizer under test runs, built from its <see cref="Profile"/>. The same features run against every
/// target; a target declares what it can do (<see cref="Capabilities"/>) and builds the function the emulated gateway
/// calls.
/// </summary>
public interface IConformanceTarget
{
    /// <summary>The name reports use (the profile's name).</summary>
    string Name { get; }

    /// <summary>The <see cref="TargetCapability"/> names it supports.</summary>
    IReadOnlySet<string> Capabilities { get; }

    /// <summary>The contract the features judge the authorizer by.</summary>
    AuthorizerProfile Profile { get; }

    /// <summary>The authorizer under test for one authorizer of a scenario's API.</summary>
    /// <exception cref="ScenarioNotApplicableException">The profile's function cannot serve that authorizer (another type).</exception>
    IAuthorizerFunction CreateFunction(TargetFunctionRequest request);

    /// <summary>How a user can give this target <paramref name="capability"/> (a <see cref="TargetCapability"/> name it
    /// lacks), for the skip reason; null when nothing can.</summary>
    string? HowToEnable(string capability) => null;

    /// <summary>Why a scenario cannot see <paramref name="observation"/> (a <see cref="TargetObservation"/> name) on this
    /// target, or null when it can. Local targets see everything through the emulated gateway.</summary>
    string? CannotObserve(string observation) => null;
}
