using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// Where the authorizer under test runs. The same features run against every target; a target declares what it
/// can do (<see cref="Capabilities"/>) and builds the function the emulated gateway calls.
/// </summary>
public interface IConformanceTarget
{
    /// <summary>The name used to select it (<c>AUTHZ_TARGET</c>).</summary>
    string Name { get; }

    /// <summary>The <see cref="TargetCapability"/> names it supports.</summary>
    IReadOnlySet<string> Capabilities { get; }

    /// <summary>The authorizer under test for one authorizer of the API, configured with <paramref name="environment"/>.</summary>
    IAuthorizerFunction CreateFunction(AuthorizerDefinition authorizer, ApiType apiType, IReadOnlyDictionary<string, string> environment,
        TimeProvider timeProvider, TextWriter log);
}
