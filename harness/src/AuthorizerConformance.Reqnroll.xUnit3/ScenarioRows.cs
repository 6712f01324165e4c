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
    public static IEnumerable<ITheoryDataRow> For(Assembly testAssembly)
    {
        var selection = TagExpression.FromEnvironment();
        return FeatureCatalog.For(testAssembly).Scenarios
            .Where(s => selection is null || s.LoadError is not null || selection.Matches(s.AllTags))
            .Select(ToRow);
    }

    /// <summary>The theory row of one scenario: display name, label, traits and skip reason.</summary>
    public static ITheoryDataRow ToRow(ScenarioDefinition scenario)
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
