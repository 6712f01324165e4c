using AuthorizerConformance.Reqnroll.xUnit3;
using Reqnroll.Plugins;

[assembly: RuntimePlugin(typeof(XunitV3RuntimePlugin))]
[assembly: AssemblyFixture(typeof(AuthorizerConformance.Steps.ConformanceTestRun))]

namespace AuthorizerConformance.Steps;

/// <summary>
/// One xunit.v3 test per scenario and Examples row of <c>features/</c>. Each first passes the suite's lint
/// (<see cref="Lint.ConformanceLint"/>), so a scenario with a bad tag fails as itself, filtered or not.
/// </summary>
public class FeatureTests
{
    public static IEnumerable<ITheoryDataRow> Scenarios()
    {
        // Discovery comes first in every run: the keys and the spec's rule catalogue (the lint's) are ready when the first
        // scenarios need them, each on a thread of its own (StartUpWork). A failure stays where it is first used (the keys'
        // lazy value, the lint's type initializer).
        Support.SuiteKeys.GenerateInBackground();
        StartUpWork.Start(() => _ = Lint.ConformanceLint.Instance);
        return ScenarioRows.For(typeof(FeatureTests).Assembly, Support.SuiteLanes.Count);
    }

    [ScenarioTheory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario(string featureFile, string scenarioKey) =>
        ScenarioRunner.RunAsync(typeof(FeatureTests).Assembly, featureFile, scenarioKey, Lint.ConformanceLint.Instance);
}

/// <summary>Starts and ends the Reqnroll test run for this assembly (hooks, formatters).</summary>
public sealed class ConformanceTestRun() : ReqnrollTestRun(typeof(ConformanceTestRun).Assembly);
