namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// The rules a test assembly's scenarios must keep (tags, sources, capabilities), checked for each scenario before
/// its steps run, so a scenario that breaks them fails as its own test — filtered runs included. Whole-suite checks
/// (coverage, unique names) stay ordinary tests of the assembly.
/// </summary>
public interface IScenarioLint
{
    /// <summary>
    /// What is wrong with <paramref name="scenario"/>, each problem with its fix; empty when nothing is.
    /// <paramref name="steps"/> are its steps with the binding each one matches.
    /// </summary>
    IReadOnlyList<string> Check(ScenarioDefinition scenario, IReadOnlyList<StepMatch> steps);
}
