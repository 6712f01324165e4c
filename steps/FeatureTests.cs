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
        Support.SuiteKeys.GenerateInBackground(); // discovery comes first in every run: the keys are ready when scenarios need them
        return ScenarioRows.For(typeof(FeatureTests).Assembly, Support.SuiteLanes.Count);
    }

    [ScenarioTheory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario(string featureFile, string scenarioKey) =>
        ScenarioRunner.RunAsync(typeof(FeatureTests).Assembly, featureFile, scenarioKey, Lint.ConformanceLint.Instance);
}

/// <summary>Starts and ends the Reqnroll test run for this assembly (hooks, formatters).</summary>
public sealed class ConformanceTestRun() : ReqnrollTestRun(typeof(ConformanceTestRun).Assembly);
