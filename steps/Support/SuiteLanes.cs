using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// How many lanes the scenarios run on in parallel (see <c>ScenarioTheoryAttribute</c> and <c>ScenarioRows</c>: the rows
/// are cut into parts, xUnit runs one part per core): two against the built-in reference authorizer in process
/// (stateless, one instance per scenario: the suite then uses both cores of a 2-core machine), one otherwise. A profile's function (a process speaking the Runtime API, a .NET handler that sets the
/// process's environment, a deployed stage with its request budget) and a recording run (AUTHZ_RECORD) keep the one
/// lane they were measured and written for. <c>AUTHZ_LANES</c> (1 or 2) overrides the choice.
/// </summary>
public static class SuiteLanes
{
    /// <summary>Overrides the number of lanes: 1 or 2.</summary>
    public const string EnvironmentVariable = "AUTHZ_LANES";

    /// <summary>The number of lanes of this run.</summary>
    public static int Count => Choose(
        Environment.GetEnvironmentVariable(EnvironmentVariable),
        Environment.GetEnvironmentVariable(AuthorizerProfile.EnvironmentVariable),
        Environment.GetEnvironmentVariable(ConformanceTargets.EnvironmentVariable),
        Environment.GetEnvironmentVariable(Harness.Recording.ScenarioRecorder.EnvironmentVariable));

    /// <summary>The choice for these environment values (AUTHZ_LANES, AUTHZ_PROFILE, AUTHZ_TARGET, AUTHZ_RECORD).</summary>
    /// <exception cref="ArgumentException">AUTHZ_LANES is set to anything but 1 or 2.</exception>
    public static int Choose(string? lanes, string? profile, string? target, string? record)
    {
        if (!string.IsNullOrWhiteSpace(lanes))
            return lanes.Trim() switch
            {
                "1" => 1,
                "2" => 2,
                _ => throw new ArgumentException($"{EnvironmentVariable}='{lanes}': the number of parallel lanes is 1 or 2.", nameof(lanes)),
            };
        var reference = string.IsNullOrWhiteSpace(profile) && ConformanceTargets.SelectsReference(target);
        return reference && string.IsNullOrWhiteSpace(record) ? 2 : 1;
    }
}
