namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Switches of the feature runner, read from the environment. <see cref="VerboseVariable"/>=1 is for step authors:
/// it adds Reqnroll's C# step-definition snippet to an undefined step's failure (QA engineers get the nearest step
/// lines in Gherkin either way).
/// </summary>
public static class RunnerOptions
{
    /// <summary>The environment variable that turns on output for step authors (<c>1</c> or <c>true</c>).</summary>
    public const string VerboseVariable = "AUTHZ_VERBOSE";

    /// <summary>True when <see cref="VerboseVariable"/> is <c>1</c> or <c>true</c>.</summary>
    public static bool Verbose =>
        Environment.GetEnvironmentVariable(VerboseVariable)?.Trim() is "1" or { } and ("true" or "True" or "TRUE");
}
