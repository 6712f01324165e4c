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

    /// <summary>The trait naming a row's lane (see <see cref="ScenarioTheoryAttribute"/>); the discoverer removes it.</summary>
    public const string LaneTrait = "AuthorizerConformance.Lane";

    /// <summary>
    /// The rows of <paramref name="testAssembly"/>'s features (as <see cref="For(Assembly)"/>), spread over
    /// <paramref name="lanes"/> lanes that a <see cref="ScenarioTheoryAttribute"/> theory runs in parallel: a feature file's
    /// rows stay in one lane (a pooled Reqnroll runner keeps its feature), files go largest first to the lane with the
    /// fewest rows, so the lanes are even and the split is the same in every run.
    /// </summary>
    public static IEnumerable<ITheoryDataRow> For(Assembly testAssembly, int lanes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        var selection = TagExpression.FromEnvironment();
        var scenarios = FeatureCatalog.For(testAssembly).Scenarios
            .Where(s => selection is null || s.LoadError is not null || selection.Matches(s.AllTags))
            .ToList();
        if (lanes == 1)
            return scenarios.Select(ToRow);
        var laneOf = new Dictionary<FeatureFile, int>();
        var load = new int[lanes];
        foreach (var file in scenarios.GroupBy(s => s.File).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.RelativePath, StringComparer.Ordinal))
        {
            var lane = Array.IndexOf(load, load.Min());
            laneOf[file.Key] = lane;
            load[lane] += file.Count();
        }
        return scenarios.Select(s => (ITheoryDataRow)Row(s).WithTrait(LaneTrait, (laneOf[s.File] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
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
