namespace AuthorizerConformance.Reqnroll.xUnit3.Tests;

/// <summary>Discovery: keys, names, labels, skip reasons and load failures, on feature files written by each test.</summary>
public sealed class FeatureCatalogTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("feature-catalog-");

    public void Dispose() => _folder.Delete(recursive: true);

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_folder.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private const string Outline = """
        @area
        Feature: Pets
          Rule: Reading
            @smoke
            Scenario Outline: Read a pet
              Given pet <id>

              Examples:
                | id |
                | 1  |
                | 2  |

          Scenario: List pets
            Given the list
        """;

    [Fact]
    public void Each_scenario_and_examples_row_is_a_row_with_its_display_name_label_and_tags()
    {
        Write("Pets.feature", Outline);

        var rows = FeatureCatalog.Load(_folder.FullName).Scenarios.ToList();

        Assert.Equal(["Read a pet [Examples #1: id=1]", "Read a pet [Examples #2: id=2]", "List pets"],
            rows.Select(r => r.Key.Replace("Reading / ", "", StringComparison.Ordinal)));
        Assert.All(rows, r => Assert.StartsWith("Pets: ", r.DisplayName, StringComparison.Ordinal));
        Assert.Equal("Examples #2: id=2", rows[1].Label);
        Assert.Equal(["area", "smoke"], rows[0].AllTags.Order(StringComparer.Ordinal));
        Assert.Equal("Pets.feature:10", rows[0].Location);
        Assert.Null(rows[0].SkipReason);
    }

    [Fact]
    public void Keys_stay_bound_to_their_scenario_when_the_file_is_edited_after_discovery()
    {
        Write("Pets.feature", Outline);
        var catalog = FeatureCatalog.Load(_folder.FullName);
        var key = catalog.Scenarios.Single(r => r.Title == "List pets").Key;

        // A scenario inserted above shifts every index, but not the key.
        Write("Pets.feature", Outline.Replace("  Scenario: List pets", "  Scenario: Adopt a pet\n    Given adoption\n\n  Scenario: List pets", StringComparison.Ordinal));
        var found = catalog.Find("Pets.feature", key);

        Assert.NotNull(found);
        Assert.Equal("List pets", found.Title);
        Assert.Equal(["Given the list"], found.Steps.Select(s => s.Keyword + s.Text));
    }

    [Fact]
    public async Task A_row_whose_scenario_was_removed_after_discovery_fails_instead_of_running_another()
    {
        Write("Pets.feature", Outline);
        var catalog = FeatureCatalog.Load(_folder.FullName);
        var key = catalog.Scenarios.Single(r => r.Title == "List pets").Key;

        Write("Pets.feature", Outline.Replace("List pets", "Count pets", StringComparison.Ordinal));

        Assert.Null(catalog.Find("Pets.feature", key));
        Environment.SetEnvironmentVariable(FeatureDirectory.EnvironmentVariable, _folder.FullName);
        try
        {
            // The runner's own catalog for an assembly without features: the row is looked up by key and is gone.
            var error = await Assert.ThrowsAsync<ScenarioFailedException>(
                () => ScenarioRunner.RunAsync(typeof(FeatureCatalogTests).Assembly, "Pets.feature", key));
            Assert.Contains("is no longer in Pets.feature", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FeatureDirectory.EnvironmentVariable, null);
        }
    }

    [Fact]
    public void Duplicate_scenario_names_get_distinct_keys()
    {
        Write("Dup.feature", "Feature: Dup\n  Scenario: Same\n    Given a\n  Scenario: Same\n    Given b\n");

        var keys = FeatureCatalog.Load(_folder.FullName).Scenarios.Select(r => r.Key).ToList();

        Assert.Equal(["Same", "Same (#2)"], keys);
    }

    [Theory]
    [InlineData("@ignore\nFeature: F\n  Scenario: S\n    Given a\n", "on the Feature")]
    [InlineData("Feature: F\n  @ignore\n  Rule: R\n    Scenario: S\n      Given a\n", "on the Rule")]
    [InlineData("Feature: F\n  @ignore\n  Scenario: S\n    Given a\n", "on the Scenario")]
    public void An_ignore_tag_skips_with_a_reason_saying_where_it_is(string text, string where)
    {
        Write("Ignored.feature", text);

        var row = Assert.Single(FeatureCatalog.Load(_folder.FullName).Scenarios);

        Assert.Contains(where, row.SkipReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Feature: F\n  Scenario: S\n    Given a\n      | a | b |\n      | 1 |\n", "Bad.feature(5,7): inconsistent cell count")]
    [InlineData("# just a comment\n", "Bad.feature(1,1): the file has no 'Feature:' line")]
    [InlineData("# language: xx-nowhere\nFeature: F\n", "Bad.feature(1,1): Language not supported: xx-nowhere")]
    public void A_file_that_does_not_load_is_one_failing_row_naming_file_and_line(string text, string expected)
    {
        Write("Bad.feature", text);
        Write("Good.feature", "Feature: G\n  Scenario: S\n    Given a\n");

        var rows = FeatureCatalog.Load(_folder.FullName).Scenarios.ToList();

        var failure = Assert.Single(rows, r => r.LoadError is not null);
        Assert.Contains(expected, failure.LoadError, StringComparison.Ordinal);
        Assert.Equal("Bad.feature: feature file does not load", failure.DisplayName);
        Assert.Single(rows, r => r.DisplayName == "G: S");
    }

    [Fact]
    public void A_missing_features_folder_is_a_failing_row_not_an_empty_run()
    {
        var missing = Path.Combine(_folder.FullName, "nope");
        var row = Assert.Single(FeatureCatalog.Load(missing).Scenarios);

        Assert.Equal($"{missing}: features folder not found", row.DisplayName);

        Assert.Contains("does not exist", row.LoadError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_runs_in_the_specific_culture_of_its_language()
    {
        Write("Plain.feature", "Feature: Plain\n  Scenario: One\n    Given a step\n");
        Write("German.feature", "# language: de\nFunktionalität: Deutsch\n  Szenario: Eins\n    Angenommen ein Schritt\n");
        Write("Pirate.feature", "# language: en-pirate\nAhoy matey!: Pirate\n  Heave to: One\n    Gangway! a step\n"); // no specific culture

        var files = FeatureCatalog.Load(_folder.FullName).Files.ToDictionary(f => f.RelativePath);

        Assert.Equal("en-US", files["Plain.feature"].FeatureInfo!.Language.Name);
        Assert.Equal("de-DE", files["German.feature"].FeatureInfo!.Language.Name);
        Assert.Equal("en-PIRATE", files["Pirate.feature"].FeatureInfo!.Language.Name, ignoreCase: true);
    }
}
