using AuthorizerConformance.Reqnroll.xUnit3.Fixtures.Bindings;
using AuthorizerConformance.Reqnroll.xUnit3;
using Reqnroll.Plugins;

[assembly: RuntimePlugin(typeof(XunitV3RuntimePlugin))]
[assembly: AssemblyFixture(typeof(AuthorizerConformance.Reqnroll.xUnit3.Fixtures.FixtureTestRun))]


namespace AuthorizerConformance.Reqnroll.xUnit3.Fixtures;

/// <summary>The same wiring the conformance suite uses, over the fixture folder named by AUTHZ_FEATURES_DIR.</summary>
public class FixtureFeatureTests
{
    public static IEnumerable<ITheoryDataRow> Scenarios() => ScenarioRows.For(typeof(FixtureFeatureTests).Assembly);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario(string featureFile, string scenarioKey) =>
        ScenarioRunner.RunAsync(typeof(FixtureFeatureTests).Assembly, featureFile, scenarioKey, new FixtureLint());
}

public sealed class FixtureTestRun() : ReqnrollTestRun(typeof(FixtureTestRun).Assembly);
