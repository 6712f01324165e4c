using System.Reflection;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Xunit;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Runs one row through the Reqnroll runtime, calling the same TestRunnerManager/ITestRunner sequence that
/// Reqnroll's generated xUnit code-behind calls (test initialize, scenario initialize, steps, cleanup, tear down).
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Runs the row (<paramref name="relativePath"/>, <paramref name="key"/>) of <paramref name="testAssembly"/>'s features.</summary>
    public static Task RunAsync(Assembly testAssembly, string relativePath, string key) => RunAsync(testAssembly, relativePath, key, null);

    /// <summary>
    /// Runs the row (<paramref name="relativePath"/>, <paramref name="key"/>), failing it before any hook or step runs
    /// when <paramref name="lint"/> finds the scenario breaks the assembly's rules.
    /// </summary>
    public static Task RunAsync(Assembly testAssembly, string relativePath, string key, IScenarioLint? lint)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var catalog = FeatureCatalog.For(testAssembly);
        var scenario = catalog.Find(relativePath, key)
            ?? throw new ScenarioFailedException(
                $"The scenario '{key}' is no longer in {relativePath} (folder {catalog.Directory}): the file changed after " +
                "the tests were discovered. Run the tests again.");
        return RunAsync(testAssembly, scenario, lint);
    }

    /// <summary>Runs one scenario definition, after <paramref name="lint"/> (when given) found nothing wrong with it.</summary>
    public static async Task RunAsync(Assembly testAssembly, ScenarioDefinition scenario, IScenarioLint? lint = null)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.LoadError is { } loadError)
            throw new ScenarioFailedException("The feature file does not load:" + Environment.NewLine + loadError);
        var featureInfo = scenario.File.FeatureInfo!;

        XunitV3TraceListener.BeginScenario();
        var output = ScenarioOutput.Begin();
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly, featureHint: featureInfo);
        var scenarioInitialized = false;
        try
        {
            ScenarioChecks.Lint(lint, scenario, runner.TestThreadContext.TestThreadContainer);
            await StartFeatureAsync(runner, featureInfo).ConfigureAwait(false);

            var scenarioInfo = new ScenarioInfo(scenario.Title, scenario.Description, [.. scenario.ScenarioTags], scenario.Arguments,
                [.. scenario.InheritedTags], scenario.PickleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
            runner.OnScenarioInitialize(scenarioInfo, scenario.RuleInfo);
            scenarioInitialized = true;
            // Bindings can inject the scenario's definition (its file, line and row), e.g. to name a reproduction.
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(scenario);
            runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs<ITestOutputHelper>(output);
            output.WriteLine($"Scenario at {scenario.Location}");

            await runner.OnScenarioStartAsync().ConfigureAwait(false);
            foreach (var step in scenario.Steps)
                await ExecuteStepAsync(runner, step).ConfigureAwait(false);

            // Rethrows the first step error (its assertion message intact) or applies missingOrPendingStepsOutcome.
            try
            {
                await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
            }
            catch (System.Exception e) when (e is MissingStepDefinitionException or PendingStepException or BindingException)
            {
                // Undefined, pending and ambiguous steps: the scenario, the nearest step lines in Gherkin, the diagnostics.
                throw new ScenarioFailedException(ScenarioChecks.DescribeStepProblems(
                    scenario, runner.TestThreadContext.TestThreadContainer, e, XunitV3TraceListener.CollectedDiagnostics()), e);
            }
        }
        finally
        {
            try
            {
                if (scenarioInitialized)
                    await runner.OnScenarioEndAsync().ConfigureAwait(false);
            }
            finally
            {
                TestRunnerManager.ReleaseTestRunner(runner);
                output.Flush();
            }
        }
    }

    private static async Task StartFeatureAsync(ITestRunner runner, FeatureInfo featureInfo)
    {
        try
        {
            if (runner.FeatureContext is { } current && !ReferenceEquals(current.FeatureInfo, featureInfo))
                await runner.OnFeatureEndAsync().ConfigureAwait(false); // this pooled runner last ran another feature
        }
        finally
        {
            if (runner.FeatureContext is { BeforeFeatureHookFailed: true })
                throw new ScenarioFailedException("Scenario not run: a [BeforeFeature] hook of this feature failed.");
            if (runner.FeatureContext is null)
                await runner.OnFeatureStartAsync(featureInfo).ConfigureAwait(false);
        }
    }

    private static Task ExecuteStepAsync(ITestRunner runner, ScenarioStep step)
    {
        var table = step.CreateTable();
        return step.KeywordType switch
        {
            StepKeywordType.CONTEXT => runner.GivenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordType.ACTION => runner.WhenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordType.OUTCOME => runner.ThenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordType.CONJUNCTION when step.Keyword.Trim() == "But" => runner.ButAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordType.CONJUNCTION or StepKeywordType.UNKNOWN => runner.AndAsync(step.Text, step.DocString, table, step.Keyword),
            _ => throw new ScenarioFailedException($"Unknown keyword type {step.KeywordType} at line {step.Line}."),
        };
    }
}
