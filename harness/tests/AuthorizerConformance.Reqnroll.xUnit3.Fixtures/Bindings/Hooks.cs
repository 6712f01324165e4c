using Reqnroll;

namespace AuthorizerConformance.Reqnroll.xUnit3.Fixtures.Bindings;

[Binding]
public sealed class Hooks(CalculatorContext calc, DocumentStore store, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    [BeforeScenario]
    public void RecordScenario()
    {
        calc.StartedScenario = scenario.ScenarioInfo.Title;
        output.WriteLine($"[BeforeScenario] {scenario.ScenarioInfo.Title}");
    }

    [BeforeScenario("documents")]
    public void OnlyForDocuments() => store.TagScopedHookRan = true;

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext feature) => Console.WriteLine($"[BeforeFeature] {feature.FeatureInfo.Title}");

    [AfterFeature]
    public static void AfterFeature(FeatureContext feature) => Console.WriteLine($"[AfterFeature] {feature.FeatureInfo.Title}");
}
