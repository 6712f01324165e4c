using Gherkin;
using Gherkin.Ast;

namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// Finds whom each scenario judges, from the feature files: a scenario that scripts the authorizer's output
/// (<c>Given the authorizer function returns / fails with / times out / answers, in turn</c>, in its own steps or
/// a Background) judges API Gateway's rules — its verdict says nothing of the authorizer under test; every other
/// scenario judges the authorizer under test. docs/profiles.md states the same split.
/// </summary>
public sealed class ScenarioSubjects
{
    /// <summary>The step text every scripted-function step starts with (steps/StepDefinitions/AuthorizerSteps.cs).</summary>
    public const string ScriptedFunctionPrefix = "the authorizer function ";

    private readonly Dictionary<(string Feature, string Scenario), ScenarioSubject> _subjects = [];

    /// <summary>Reads every <c>*.feature</c> under <paramref name="directory"/>; a file that does not parse is left out (it fails in the run).</summary>
    public static ScenarioSubjects Read(string directory)
    {
        var subjects = new ScenarioSubjects();
        foreach (var path in Directory.EnumerateFiles(directory, "*.feature", SearchOption.AllDirectories))
        {
            GherkinDocument document;
            try
            {
                document = new Parser().Parse(new StringReader(File.ReadAllText(path)));
            }
            catch (Exception e) when (e is ParserException or IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (document.Feature is { } feature)
                subjects.Add(feature);
        }
        return subjects;
    }

    /// <summary>Whom the scenario <paramref name="scenario"/> of <paramref name="feature"/> judges.</summary>
    public ScenarioSubject Of(string feature, string scenario) =>
        _subjects.GetValueOrDefault((feature, scenario), ScenarioSubject.AuthorizerUnderTest);

    private void Add(Feature feature)
    {
        var featureBackground = feature.Children.OfType<Background>().SelectMany(b => b.Steps).ToList();
        foreach (var child in feature.Children)
        {
            if (child is Scenario scenario)
                Add(feature.Name, scenario, featureBackground);
            if (child is Rule rule)
            {
                var background = featureBackground.Concat(rule.Children.OfType<Background>().SelectMany(b => b.Steps)).ToList();
                foreach (var ruleScenario in rule.Children.OfType<Scenario>())
                    Add(feature.Name, ruleScenario, background);
            }
        }
    }

    private void Add(string feature, Scenario scenario, IEnumerable<Step> background)
    {
        var scripted = background.Concat(scenario.Steps)
            .Any(step => step.Text.StartsWith(ScriptedFunctionPrefix, StringComparison.Ordinal));
        _subjects[(feature, scenario.Name)] = scripted ? ScenarioSubject.GatewayEmulation : ScenarioSubject.AuthorizerUnderTest;
    }
}
