using AuthorizerConformance.Testing;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// The lint is part of every run: this suite, run as its own process with a trait filter (what
/// <c>dotnet test --filter "Feature=…"</c> does) on a features folder with badly tagged scenarios, fails the bad ones
/// as themselves, each naming the fix, and passes the good one.
/// </summary>
public sealed class FilteredRunTests : IDisposable
{
    private readonly DirectoryInfo _features = Directory.CreateTempSubdirectory("filtered-lint-");

    public void Dispose() => _features.Delete(recursive: true);

    [Fact]
    public async Task A_filtered_run_of_a_feature_with_bad_tags_fails_each_bad_scenario_naming_the_fix()
    {
        await File.WriteAllTextAsync(Path.Combine(_features.FullName, "Guessed.feature"), """
            Feature: Guessed tags

              Scenario: The quick start
                Given a valid token
                When the client calls GET /pets/1
                Then access is allowed

              @source:aws @rule:CTX-99 @needs:gateway-emulation
              Scenario: Tags copied from memory
                Given a valid token
                When the client calls GET /pets/1
                Then access is allowed

              @source:aws-docs @rule:POL-1
              Scenario: Tags as the README says
                Given a valid token
                When the client calls GET /pets/1
                Then access is allowed
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_features.FullName, "Other.feature"),
            "Feature: Other\n  Scenario: Filtered out\n    Given a valid token\n", TestContext.Current.CancellationToken);

        var results = await RunAsync("-trait", "Feature=Guessed tags");

        Assert.Equal(["Guessed tags: Tags as the README says", "Guessed tags: Tags copied from memory", "Guessed tags: The quick start"],
            results.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Pass", results["Guessed tags: Tags as the README says"].Result);

        var untagged = results["Guessed tags: The quick start"];
        Assert.Equal("Fail", untagged.Result);
        Assert.Contains("no @source: tag; fix: add exactly one of @source:aws-docs", untagged.Message, StringComparison.Ordinal);
        Assert.Contains("no @rule: tag; fix: add the id of the rule it checks", untagged.Message, StringComparison.Ordinal);

        var guessed = results["Guessed tags: Tags copied from memory"];
        Assert.Equal("Fail", guessed.Result);
        Assert.Contains("Guessed.feature:9: the scenario 'Tags copied from memory' breaks the rules", guessed.Message, StringComparison.Ordinal);
        Assert.Contains("@source:aws is not a source; fix: use one of @source:aws-docs", guessed.Message, StringComparison.Ordinal);
        Assert.Contains("@rule:CTX-99 is not a rule id of docs/spec; did you mean", guessed.Message, StringComparison.Ordinal);
        Assert.Contains("@rule:CTX-7 \\\"", guessed.Message, StringComparison.Ordinal); // nearest ids, with their titles
        Assert.Contains("carries @needs:gateway-emulation, but none of its steps needs it; fix: remove @needs:gateway-emulation", guessed.Message, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, (string Result, string Message)>> RunAsync(params string[] arguments)
    {
        var run = await FeatureRunProcess.RunAsync(typeof(FilteredRunTests).Assembly.Location, _features.FullName, _features.FullName,
            arguments, new Dictionary<string, string?>());
        Assert.NotEqual(0, run.ExitCode); // the run as a whole fails: a lint error never turns into a pass
        return run.Results.Descendants("test").ToDictionary(
            t => (string)t.Attribute("name")!,
            t => ((string)t.Attribute("result")!, (string?)t.Element("failure")?.Element("message") ?? ""));
    }
}
