using AuthorizerConformance.Reqnroll.xUnit3;
using Reqnroll;

namespace AuthorizerConformance.Reqnroll.xUnit3.Fixtures.Bindings;

[Binding]
public sealed class Hooks(CalculatorContext calc, DocumentStore store, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    /// <summary>The secret the leaking fixture step puts into its error, and what the runner must show instead.</summary>
    public const string Secret = "fixture-secret-42";

    [BeforeScenario]
    public void RecordScenario()
    {
        scenario.ScenarioContainer.RegisterInstanceAs<IFailureRedactor>(new SecretRedactor());
        calc.StartedScenario = scenario.ScenarioInfo.Title;
        output.WriteLine($"[BeforeScenario] {scenario.ScenarioInfo.Title}");
    }

    /// <summary>A target lacking a capability skips the scenario at run time (xunit.v3 dynamic skip through Reqnroll).</summary>
    [BeforeScenario("needs-missing-capability")]
    public static void SkipForMissingCapability() => Assert.Skip("The fixture target lacks the capability this scenario needs.");

    [BeforeScenario("documents")]
    public void OnlyForDocuments() => store.TagScopedHookRan = true;

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext feature) => Console.WriteLine($"[BeforeFeature] {feature.FeatureInfo.Title}");

    [AfterFeature]
    public static void AfterFeature(FeatureContext feature) => Console.WriteLine($"[AfterFeature] {feature.FeatureInfo.Title}");

    private sealed class SecretRedactor : IFailureRedactor
    {
        public string Redact(string text) => text.Replace(Secret, "[redacted]", StringComparison.Ordinal);
    }
}
