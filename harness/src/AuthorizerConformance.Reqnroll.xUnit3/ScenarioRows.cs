using System.Reflection;
using Xunit;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// The xunit.v3 theory data of a test assembly: one row per scenario and Examples row, carrying only the
/// serializable (file, key) pair so discovery, <c>--list-tests</c> and filters see every row.
/// </summary>
public static class ScenarioRows
{
    /// <summary>
    /// The rows of <paramref name="testAssembly"/>'s features; with <see cref="TagExpression.EnvironmentVariable"/> set,
    /// only those whose tags match it (a file that does not load stays, so it still fails).
    /// </summary>
    public static IEnumerable<ITheoryDataRow> For(Assembly testAssembly) => For(testAssembly, lanes: 1);

    /// <summary>The trait naming a row's part (see <see cref="ScenarioTheoryAttribute"/>); the discoverer removes it.</summary>
    public const string PartTrait = "AuthorizerConformance.Part";

    /// <summary>How many parts each lane's share is cut into: xUnit runs a test collection (a part) on one thread from
    /// start to end and starts the next part on whichever thread is free, so smaller parts even out the lanes' finish.
    /// Sixteen (≈ 22 rows a part in the built-in suite): with four, the last part ran alone for the last 0.27–0.34 s of
    /// the in-process suite; with sixteen the lanes finish within 0.06–0.08 s of each other (docs/performance.md).</summary>
    public const int PartsPerLane = 16;

    /// <summary>
    /// The rows of <paramref name="testAssembly"/>'s features (as <see cref="For(Assembly)"/>) for <paramref name="lanes"/>
    /// lanes that a <see cref="ScenarioTheoryAttribute"/> theory runs in parallel: with more than one lane, the rows in file
    /// order are cut into <see cref="PartsPerLane"/> × <paramref name="lanes"/> even consecutive parts (sizes differ by at
    /// most one), each a test collection, so a part runs whole features one after another (a pooled Reqnroll runner keeps
    /// its feature) and few features are shared by two parts. xUnit runs as many parts at once as it has threads (one per
    /// core by default). The same split in every run.
    /// </summary>
    public static IEnumerable<ITheoryDataRow> For(Assembly testAssembly, int lanes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        var selection = TagExpression.FromEnvironment();
        var catalog = FeatureCatalog.For(testAssembly);
        var scenarios = catalog.Scenarios
            .Where(s => selection is null || s.LoadError is not null || selection.Matches(s.AllTags))
            .ToList();
        // After the files are parsed (in parallel: discovery comes first), before the test run starts, which waits for it.
        MessageSerializerWarmUp.Start(catalog);
        if (lanes == 1)
            return scenarios.Select(ToRow);
        var parts = lanes * PartsPerLane;
        return scenarios.Select((s, i) => (ITheoryDataRow)Row(s).WithTrait(PartTrait,
            (1 + (long)i * parts / scenarios.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The theory row of one scenario: display name, label, traits and skip reason.</summary>
    public static ITheoryDataRow ToRow(ScenarioDefinition scenario) => Row(scenario);

    private static TheoryDataRow<string, string> Row(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var row = new TheoryDataRow<string, string>(scenario.File.RelativePath, scenario.Key) { Label = scenario.Label }
            .WithTestDisplayName(scenario.DisplayName);
        if (scenario.File.FeatureInfo is { } feature)
            row.WithTrait("Feature", feature.Title);
        foreach (var tag in scenario.AllTags)
            row.WithTrait("Category", tag);
        if (scenario.SkipReason is { } reason)
            row.WithSkip(reason);
        return row;
    }
}
