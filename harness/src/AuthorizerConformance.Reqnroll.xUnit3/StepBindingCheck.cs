using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;
using Reqnroll.Infrastructure;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Checks every step of every scenario against the test assembly's bindings without running anything, with
/// Reqnroll's own matcher (Cucumber expressions, custom parameter types, regexes, scopes). Needs a started test
/// run (the assembly fixture), so call it from a test of the same assembly.
/// </summary>
public static class StepBindingCheck
{
    /// <summary>
    /// One step that would not run: where it is, its text, why (undefined or ambiguous) and what to write instead
    /// (the nearest step lines, in Gherkin).
    /// </summary>
    public sealed record Problem(string Location, string Step, string Reason, IReadOnlyList<string> Suggestions);

    /// <summary>Every undefined or ambiguous step of <paramref name="catalog"/>, by file and line.</summary>
    public static IReadOnlyList<Problem> FindProblems(Assembly testAssembly, FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        ArgumentNullException.ThrowIfNull(catalog);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly);
        try
        {
            var container = runner.TestThreadContext.TestThreadContainer;
            var suggestions = StepSuggestions.From(container.Resolve<IBindingRegistry>());
            return catalog.Scenarios.Where(s => s.LoadError is null)
                .SelectMany(scenario => Match(container.Resolve<IStepDefinitionMatchService>(), scenario)
                    .Where(m => m.Problem is not null)
                    .Select(m => new Problem($"{scenario.File.RelativePath}:{m.Step.Line}", m.Line, m.Problem!, suggestions.Explain(m.Keyword, m.Step.Text))))
                .DistinctBy(p => (p.Location, p.Step))
                .ToList();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    /// <summary>Every loaded scenario of <paramref name="catalog"/> with its steps matched to their bindings.</summary>
    public static IReadOnlyList<(ScenarioDefinition Scenario, IReadOnlyList<StepMatch> Steps)> MatchAll(Assembly testAssembly, FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        ArgumentNullException.ThrowIfNull(catalog);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly);
        try
        {
            var matcher = runner.TestThreadContext.TestThreadContainer.Resolve<IStepDefinitionMatchService>();
            return catalog.Scenarios.Where(s => s.LoadError is null).Select(s => (s, Match(matcher, s))).ToList();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    /// <summary>The steps of <paramref name="scenario"/> with the method each one runs, or why it would not run.</summary>
    public static IReadOnlyList<StepMatch> Match(IStepDefinitionMatchService matcher, ScenarioDefinition scenario) =>
        Match(matcher, scenario, memo: null);

    // Per matcher, the outcome of each distinct step (the same lines recur across a suite: "Given a valid token"), for the
    // lint that matches every scenario's steps before it runs. Only where no step definition is scoped: then a step's
    // match depends on nothing but its type, text, language and whether it has a doc string or a table.
    private static readonly ConditionalWeakTable<IStepDefinitionMatchService, ConcurrentDictionary<MemoKey, (MethodInfo? Method, string? Problem)>?> Memos = new();

    private readonly record struct MemoKey(StepDefinitionType Type, string Text, string Language, bool DocString, bool Table);

    /// <summary>
    /// <see cref="Match(IStepDefinitionMatchService, ScenarioDefinition)"/>, remembering each distinct step's outcome per
    /// matcher when <paramref name="registry"/> has no scoped step definition (the same outcome, without matching it again).
    /// </summary>
    public static IReadOnlyList<StepMatch> Match(IStepDefinitionMatchService matcher, ScenarioDefinition scenario, IBindingRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(registry);
        var memo = Memos.GetValue(matcher, _ => RememberingStepMatcher.DependsOnLineAlone(registry)
            ? new ConcurrentDictionary<MemoKey, (MethodInfo?, string?)>()
            : null);
        return Match(matcher, scenario, memo);
    }

    private static IReadOnlyList<StepMatch> Match(IStepDefinitionMatchService matcher, ScenarioDefinition scenario,
        ConcurrentDictionary<MemoKey, (MethodInfo? Method, string? Problem)>? memo)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(scenario);
        var feature = scenario.File.FeatureInfo!;
        var language = feature.Language ?? CultureInfo.InvariantCulture;
        var context = new StepContext(feature.Title, scenario.Title, scenario.AllTags, language);
        var type = StepDefinitionType.Given;
        var matches = new List<StepMatch>(scenario.Steps.Count);
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
            var (method, problem) = memo is null
                ? MatchOne(matcher, type, keyword, step, context, language)
                : memo.GetOrAdd(new MemoKey(type, step.Text, language.Name, step.DocString is not null, step.TableRows is not null),
                    _ => MatchOne(matcher, type, keyword, step, context, language));
            matches.Add(new StepMatch(step, type.ToString(), method, problem));
        }
        return matches;
    }

    private static (MethodInfo? Method, string? Problem) MatchOne(IStepDefinitionMatchService matcher, StepDefinitionType type,
        StepDefinitionKeyword keyword, ScenarioStep step, StepContext context, CultureInfo language)
    {
        var instance = new StepInstance(type, keyword, step.Keyword.Trim(), step.Text, step.DocString, step.CreateTable(), context);
        var match = matcher.GetBestMatch(instance, language, out var ambiguity, out var candidates);
        if (match.Success)
            return ((match.StepBinding.Method as RuntimeBindingMethod)?.MethodInfo, null);
        var reason = ambiguity switch
        {
            StepDefinitionAmbiguityReason.AmbiguousSteps or StepDefinitionAmbiguityReason.AmbiguousScopes =>
                "ambiguous: " + string.Join(", ", candidates.Select(c => c.StepBinding.Method.Name)),
            StepDefinitionAmbiguityReason.ParameterErrors => "parameters do not convert: " + string.Join(", ", candidates.Select(c => c.StepBinding.Method.Name)),
            _ => "undefined",
        };
        return (null, reason);
    }
}
