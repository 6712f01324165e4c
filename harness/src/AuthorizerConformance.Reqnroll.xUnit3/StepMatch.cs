using System.Reflection;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// One step of a scenario and the step-definition method Reqnroll would run for it, or why none would run
/// (<see cref="Problem"/>: undefined, ambiguous, parameters that do not convert).
/// </summary>
/// <param name="Step">The step as written.</param>
/// <param name="Keyword">The keyword Reqnroll resolves it to: Given, When or Then (And and But take the previous one).</param>
/// <param name="Method">The bound method, or null when the step would not run.</param>
/// <param name="Problem">Why the step would not run, or null.</param>
public sealed record StepMatch(ScenarioStep Step, string Keyword, MethodInfo? Method, string? Problem)
{
    /// <summary>The step as written, with its keyword: <c>When the client calls GET /pets/1</c>.</summary>
    public string Line => $"{Step.Keyword.Trim()} {Step.Text}";
}
