using System.Globalization;
using System.Reflection;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Checks every step of every scenario against the test assembly's bindings without running anything, with
/// Reqnroll's own matcher (Cucumber expressions, custom parameter types, regexes, scopes). Needs a started test
/// run (the assembly fixture), so call it from a test of the same assembly.
/// </summary>
public static class StepBindingCheck
{
    /// <summary>One step that would not run: where it is, its text, and why (undefined or ambiguous).</summary>
    public sealed record Problem(string Location, string Step, string Reason);

    /// <summary>Every undefined or ambiguous step of <paramref name="catalog"/>, by file and line.</summary>
    public static IReadOnlyList<Problem> FindProblems(Assembly testAssembly, FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        ArgumentNullException.ThrowIfNull(catalog);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly);
        try
        {
            var matcher = runner.TestThreadContext.TestThreadContainer.Resolve<IStepDefinitionMatchService>();
            var problems = new List<Problem>();
            foreach (var scenario in catalog.Scenarios.Where(s => s.LoadError is null))
                problems.AddRange(Check(matcher, scenario));
            return problems.Distinct().ToList();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    private static IEnumerable<Problem> Check(IStepDefinitionMatchService matcher, ScenarioDefinition scenario)
    {
        var feature = scenario.File.FeatureInfo!;
        var context = new StepContext(feature.Title, scenario.Title, scenario.AllTags, feature.Language ?? CultureInfo.InvariantCulture);
        var type = StepDefinitionType.Given;
        foreach (var step in scenario.Steps)
        {
            type = step.KeywordType switch
            {
                StepKeywordType.CONTEXT => StepDefinitionType.Given,
                StepKeywordType.ACTION => StepDefinitionType.When,
                StepKeywordType.OUTCOME => StepDefinitionType.Then,
                _ => type, // And, But, '*': the previous step's type, as Reqnroll resolves them
            };
            var keyword = type switch
            {
                StepDefinitionType.Given => StepDefinitionKeyword.Given,
                StepDefinitionType.When => StepDefinitionKeyword.When,
                _ => StepDefinitionKeyword.Then,
            };
            var instance = new StepInstance(type, keyword, step.Keyword.Trim(), step.Text, step.DocString, step.CreateTable(), context);
            var match = matcher.GetBestMatch(instance, feature.Language ?? CultureInfo.InvariantCulture, out var ambiguity, out var candidates);
            if (match.Success)
                continue;
            var reason = ambiguity switch
            {
                StepDefinitionAmbiguityReason.AmbiguousSteps or StepDefinitionAmbiguityReason.AmbiguousScopes =>
                    "ambiguous: " + string.Join(", ", candidates.Select(c => c.StepBinding.Method.Name)),
                StepDefinitionAmbiguityReason.ParameterErrors => "parameters do not convert: " + string.Join(", ", candidates.Select(c => c.StepBinding.Method.Name)),
                _ => "undefined",
            };
            yield return new Problem($"{scenario.File.RelativePath}:{step.Line}", $"{step.Keyword.Trim()} {step.Text}", reason);
        }
    }
}
