using System.Collections.Specialized;
using Reqnroll;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// One runnable row: a scenario, one Examples row of a Scenario Outline, or the failure of a file that did not load.
/// <see cref="Key"/> identifies it stably (rule, scenario name and example values, not an index), so a file edited
/// between discovery and run can never run a different scenario under this row's name.
/// </summary>
public sealed class ScenarioDefinition
{
    /// <summary>Key of the row that reports a file's load failure.</summary>
    public const string LoadErrorKey = "!load-error";

    /// <summary>The file this row comes from.</summary>
    public required FeatureFile File { get; init; }

    /// <summary>Stable identity within the file.</summary>
    public required string Key { get; init; }

    /// <summary>The xUnit display name: <c>Feature: Scenario</c>.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The xUnit label shown in brackets after the name: <c>Examples #1: a=1, b=2</c>, or empty.</summary>
    public required string Label { get; init; }

    /// <summary>1-based line of the scenario (or Examples row) in the file.</summary>
    public required int Line { get; init; }

    /// <summary>Every tag that applies (feature, rule, scenario, examples), without '@'.</summary>
    public required IReadOnlyList<string> AllTags { get; init; }

    /// <summary>Why the row is skipped (an <c>@ignore</c> tag and where it sits), or null.</summary>
    public string? SkipReason { get; init; }

    /// <summary>The load error this row reports, or null for a real scenario.</summary>
    public string? LoadError { get; init; }

    /// <summary>Index of the pickle in the file (Reqnroll's ScenarioInfo wants it for the formatters).</summary>
    public int PickleIndex { get; init; }

    /// <summary>Scenario title.</summary>
    public string Title { get; init; } = "";

    /// <summary>Scenario description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Scenario and Examples tags (Reqnroll's ScenarioInfo.Tags).</summary>
    public IReadOnlyList<string> ScenarioTags { get; init; } = [];

    /// <summary>Feature and Rule tags (Reqnroll's ScenarioInfo.InheritedTags).</summary>
    public IReadOnlyList<string> InheritedTags { get; init; } = [];

    /// <summary>The Examples row's values by column, for ScenarioInfo.Arguments.</summary>
    public OrderedDictionary Arguments { get; init; } = [];

    /// <summary>The Rule the scenario sits in, or null.</summary>
    public RuleInfo? RuleInfo { get; init; }

    /// <summary>The steps to run: feature Background, Rule Background, then the scenario's own.</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; init; } = [];

    /// <summary><c>path:line</c>, for messages.</summary>
    public string Location => $"{File.RelativePath}:{Line}";

    internal static ScenarioDefinition ForLoadError(FeatureFile file, string error) => new()
    {
        File = file,
        Key = LoadErrorKey,
        DisplayName = file.RelativePath == "." ? $"{file.Directory}: features folder not found" : $"{file.RelativePath}: feature file does not load",
        Label = "",
        Line = 1,
        AllTags = [],
        LoadError = error,
    };
}
