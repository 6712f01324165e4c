using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Reqnroll.xUnit3;
using AuthorizerConformance.Steps.Support;
using AuthorizerConformance.Testing;

namespace AuthorizerConformance.Steps.SupportTests;

/// <summary>
/// The scenarios run in parallel against the in-process reference authorizer (the rows cut into even consecutive parts,
/// a test collection each), one after another otherwise.
/// </summary>
public sealed class LanesTests : IDisposable
{
    private readonly DirectoryInfo _features = Directory.CreateTempSubdirectory("lanes-");

    public void Dispose() => _features.Delete(recursive: true);

    [Theory]
    [InlineData(null, null, null, null, 2)]
    [InlineData(null, null, "reference", null, 2)]
    [InlineData(null, null, " Reference ", null, 2)]
    [InlineData(null, "profile.json", null, null, 1)]
    [InlineData(null, null, null, "recordings", 1)]
    [InlineData("1", null, null, null, 1)]
    [InlineData("2", "profile.json", null, null, 2)]
    public void The_reference_in_process_runs_on_two_lanes_anything_else_on_one(string? lanes, string? profile, string? target, string? record, int expected) =>
        Assert.Equal(expected, SuiteLanes.Choose(lanes, profile, target, record));

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("two")]
    public void A_lane_count_other_than_1_or_2_is_an_error_naming_the_variable(string lanes)
    {
        var error = Assert.Throws<ArgumentException>(() => SuiteLanes.Choose(lanes, null, null, null));
        Assert.Contains($"AUTHZ_LANES='{lanes}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_features_split_into_even_consecutive_parts()
    {
        var rows = ScenarioRows.For(typeof(FeatureTests).Assembly, lanes: 2).ToList();
        var single = ScenarioRows.For(typeof(FeatureTests).Assembly, lanes: 1).ToList();
        Assert.Equal(single.Select(r => r.TestDisplayName), rows.Select(r => r.TestDisplayName)); // the same rows, in the same order
        Assert.All(single, r => Assert.False(r.Traits?.ContainsKey(ScenarioRows.PartTrait) ?? false));

        var parts = rows.Select(r => int.Parse(r.Traits![ScenarioRows.PartTrait].Single(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(parts.Order(), parts); // part 1, then 2, …: consecutive in file order
        var sizes = parts.GroupBy(p => p).Select(g => g.Count()).ToList();
        Assert.Equal(2 * ScenarioRows.PartsPerLane, sizes.Count);
        Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
        var shared = rows.Zip(parts).GroupBy(p => (string)p.First.GetData()[0]!).Count(file => file.Select(p => p.Second).Distinct().Count() > 1);
        Assert.InRange(shared, 0, sizes.Count - 1); // at most one file per cut between two parts
    }

    [Theory]
    [InlineData(null, 6)] // six rows, more parts than rows: one row a part
    [InlineData("1", 1)]
    public async Task A_run_puts_each_part_in_its_own_test_collection_and_every_row_runs(string? lanes, int collections)
    {
        foreach (var name in new[] { "Alpha", "Beta", "Gamma" })
        {
            await File.WriteAllTextAsync(Path.Combine(_features.FullName, name + ".feature"), $"""
                Feature: {name}

                  @source:aws-docs @rule:POL-1
                  Scenario: A valid token is allowed
                    Given a valid token
                    When the client calls GET /pets/1
                    Then access is allowed

                  @source:aws-docs @rule:TOK-6
                  Scenario: No token is 401
                    When the client calls GET /pets/42 without a token
                    Then the client gets 401 because identity-source-missing
                """, TestContext.Current.CancellationToken);
        }

        var run = await FeatureRunProcess.RunAsync(typeof(LanesTests).Assembly.Location, _features.FullName, _features.FullName,
            ["-class", typeof(FeatureTests).FullName!], new Dictionary<string, string?>
            {
                [AuthorizerProfile.EnvironmentVariable] = null, [ConformanceTargets.EnvironmentVariable] = null,
                [Harness.Recording.ScenarioRecorder.EnvironmentVariable] = null, [SuiteLanes.EnvironmentVariable] = lanes,
            });

        Assert.True(run.ExitCode == 0, run.Console);
        var used = run.Results.Descendants("collection").Where(c => (int)c.Attribute("total")! > 0).ToList();
        Assert.Equal(collections, used.Count);
        Assert.Equal(6, run.Results.Descendants("test").Count(t => (string?)t.Attribute("result") == "Pass"));
        Assert.All(run.Results.Descendants("test"), t => Assert.Equal("AuthorizerConformance.Steps.FeatureTests", (string?)t.Attribute("type")));
        if (collections > 1)
            Assert.Equal(collections - 1, used.Count(c => ((string)c.Attribute("name")!).Contains(" (part ", StringComparison.Ordinal)));
    }
}
