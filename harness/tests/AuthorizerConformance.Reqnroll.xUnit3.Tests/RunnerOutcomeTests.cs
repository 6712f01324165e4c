using System.Text.Json.Nodes;

namespace AuthorizerConformance.Reqnroll.xUnit3.Tests;

/// <summary>
/// The runner's contract, proven on fixture features run by real xunit.v3 in a separate process: passing features
/// pass, and a failing, undefined, pending or ambiguous step or a malformed file each fail the run with the right message.
/// </summary>
public class RunnerOutcomeTests
{
    static RunnerOutcomeTests() => FixtureRun.StartAll(
    [
        ["passing"], ["passing", "-trait", "Category=smoke"], ["broken"], ["malformed"], ["lint", "-trait", "Feature=Linted"],
    ]);

    [Fact]
    public async Task Passing_features_pass_with_one_test_per_scenario_and_examples_row()
    {
        var run = await FixtureRun.RunAsync("passing");

        Assert.Equal(10, run.Results.Count);
        Assert.All(run.Results.Where(r => r.Result != "Skip"), r => Assert.True(r.Result == "Pass", $"{r.Name}: {r.Result} {r.Message}"));
        Assert.Equal("Pass", run.Single("Calculator: Add pairs of numbers [Examples #1: a=1, b=2, sum=3]").Result);
        Assert.Equal("Pass", run.Single("Calculator: Add pairs of numbers [Negative numbers #1: a=-1, b=-2, sum=-3]").Result);
        Assert.Equal("Pass", run.Single("Calculator: A custom parameter type and a transformation").Result);  // Cucumber expression + transformations
        Assert.Equal("Pass", run.Single("Document store: Store a document given as a doc string").Result);   // Rule Background, doc string, tag hook
        Assert.Equal("Pass", run.Single("Document store: Store several documents from a table").Result);
    }

    [Fact]
    public async Task A_scenario_s_test_output_is_its_trace_in_the_order_it_ran()
    {
        var run = await FixtureRun.RunAsync("passing");

        var lines = run.Single("Calculator: Add two numbers").Output.ReplaceLineEndings("\n").TrimEnd().Split('\n');

        Assert.Equal("Scenario at Calculator.feature:10", lines[0]);
        Assert.Equal("[BeforeScenario] Add two numbers", lines[1]); // a hook's IReqnrollOutputHelper line, where it ran
        Assert.Equal(["Given the calculator is cleared", "Given I have entered 50 into the calculator", "And I have entered 70 into the calculator",
            "When I press add", "Then the result should be 120"], lines.Where(l => !l.StartsWith("->", StringComparison.Ordinal)).Skip(2));
        Assert.Equal(5, lines.Count(l => l.StartsWith("-> done: ", StringComparison.Ordinal))); // each step's result after it
        Assert.StartsWith("-> done: ", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ignored_scenario_is_skipped_with_its_reason()
    {
        var run = await FixtureRun.RunAsync("passing");

        var ignored = run.Single("Calculator: Ignored scenario");
        Assert.Equal("Skip", ignored.Result);
        Assert.Contains("@ignore", ignored.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hook_can_skip_a_scenario_at_run_time_and_it_is_reported_skipped_not_passed()
    {
        var run = await FixtureRun.RunAsync("passing");

        var skipped = run.Single("Calculator: Skipped at run time by a hook");
        Assert.Equal("Skip", skipped.Result);
        Assert.Equal("The fixture target lacks the capability this scenario needs.", skipped.SkipReason);
    }

    [Fact]
    public async Task Tags_become_Category_traits_that_filter_the_run()
    {
        var run = await FixtureRun.RunAsync("passing", "-trait", "Category=smoke");

        Assert.Equal(
            ["Calculator: Add pairs of numbers [Negative numbers #1: a=-1, b=-2, sum=-3]", "Calculator: Add two numbers"],
            run.Results.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(run.Results, r => Assert.Contains(("Category", "calculator"), r.Traits));
        Assert.All(run.Results, r => Assert.Contains(("Feature", "Calculator"), r.Traits));
    }

    [Fact]
    public async Task A_failing_step_fails_the_test_with_its_assertion_message()
    {
        var run = await FixtureRun.RunAsync("broken");

        var failed = run.Single("Failing step: Two and two make five");
        Assert.Equal("Fail", failed.Result);
        Assert.Contains("Assert.Equal() Failure", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Expected: 5", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expectation_failure_is_its_message_alone_in_the_results_and_the_reports()
    {
        var run = await FixtureRun.RunAsync("broken");

        var failed = run.Single("Expectation failure: Two and two read as five");
        Assert.Equal("Fail", failed.Result);
        Assert.Equal("the result is 4; the scenario expects 5", failed.Message); // no type name in front
        Assert.Equal("", failed.StackTrace);
        Assert.NotEqual("", run.Single("Failing step: Two and two make five").StackTrace); // any other exception keeps its frames
        var step = (await File.ReadAllLinesAsync(Path.Combine(run.ReportDirectory, "report.ndjson"), TestContext.Current.CancellationToken))
            .Select(line => JsonNode.Parse(line)!["testStepFinished"]?["testStepResult"])
            .Single(result => (string?)result?["exception"]?["message"] == "the result is 4; the scenario expects 5")!;
        Assert.Null(step["exception"]!["stackTrace"]);
        Assert.Equal("FAILED", (string?)step["status"]);
        Assert.DoesNotContain("   at ", run.Console.Split("Two and two read as five")[1].Split("[FAIL]")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_error_keeps_its_frames_with_the_scenarios_secrets_withheld_everywhere()
    {
        var run = await FixtureRun.RunAsync("broken");

        var failed = run.Single("Leaking error: A real error holding a secret");
        Assert.Equal("Fail", failed.Result);
        Assert.Contains("System.InvalidOperationException: the key [redacted] did not load", failed.Message, StringComparison.Ordinal);
        Assert.Contains("CalculatorSteps.Leaks()", failed.StackTrace, StringComparison.Ordinal);
        Assert.DoesNotContain("fixture-secret-42", run.Console, StringComparison.Ordinal);
        foreach (var report in Directory.GetFiles(run.ReportDirectory))
            Assert.DoesNotContain("fixture-secret-42", await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undefined_step_fails_the_test_and_suggests_the_nearest_step_lines_in_Gherkin()
    {
        var run = await FixtureRun.RunAsync("broken");

        var failed = run.Single("Undefined step: A step nobody has bound");
        Assert.Equal("Fail", failed.Result);
        Assert.Contains("Undefined.feature:3", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Undefined.feature:5: When I do something that nobody has implemented — undefined", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean:", failed.Message, StringComparison.Ordinal);
        // The C# snippet is for step authors only (AUTHZ_VERBOSE=1), and the message says so.
        Assert.DoesNotContain("public void", failed.Message, StringComparison.Ordinal);
        Assert.Contains("AUTHZ_VERBOSE=1 adds the C# step-definition snippet", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_step_gets_the_three_nearest_step_lines_with_examples_filled_in()
    {
        var run = await FixtureRun.RunAsync("broken");

        var failed = run.Single("Misspelt step: A step written almost like a bound one");
        Assert.Equal("Fail", failed.Result);
        var suggestions = failed.Message.Split('\n').Select(l => l.Trim())
            .SkipWhile(l => l != "Did you mean:").Skip(1).Take(StepSuggestions.Count).ToList();
        // Nearest first; a custom parameter type shows its declared example, {int} a number, a table step says so.
        Assert.Equal("Given I have entered the word twelve into the calculator", suggestions[0]);
        Assert.Equal("Given I have entered 1 into the calculator", suggestions[1]);
        Assert.Equal(StepSuggestions.Count, suggestions.Count);
        Assert.All(suggestions, s => Assert.Matches("^(Given|When|Then) ", s));
    }

    [Fact]
    public async Task Json_in_a_double_quoted_argument_is_recognised_and_the_failure_explains_the_fix()
    {
        var run = await FixtureRun.RunAsync("broken");

        var failed = run.Single("JSON in double quotes: A JSON argument written in double quotes");
        Assert.Equal("Fail", failed.Result);
        Assert.Contains("This step holds JSON in double quotes", failed.Message, StringComparison.Ordinal);
        Assert.Contains("doc string", failed.Message, StringComparison.Ordinal);
        Assert.Contains("single quotes", failed.Message, StringComparison.Ordinal);
        // The nearest line first: the step the author meant, with the argument still to be moved.
        Assert.Contains("Did you mean:\n      Given I have entered the amount \\\"text\\\"", failed.Message.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_the_csharp_snippet_for_step_authors()
    {
        var run = await FixtureRun.RunWithEnvironmentAsync("broken", new Dictionary<string, string> { [RunnerOptions.VerboseVariable] = "1" });

        var failed = run.Single("Undefined step: A step nobody has bound");
        Assert.Equal("Fail", failed.Result);
        Assert.Contains("I do something that nobody has implemented", failed.Message, StringComparison.Ordinal);
        Assert.Contains("public void WhenIDoSomethingThatNobodyHasImplemented()", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean:", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filtered_run_still_fails_a_scenario_that_breaks_the_lint_naming_the_fix()
    {
        var run = await FixtureRun.RunAsync("lint", "-trait", "Feature=Linted");

        // The filter selects only this feature's scenarios; the lint runs for each of them all the same.
        Assert.Equal(["Linted: Has a tag that breaks them", "Linted: Keeps the rules", "Linted: Misses a tag its step needs"],
            run.Results.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Pass", run.Single("Linted: Keeps the rules").Result);
        var badTag = run.Single("Linted: Has a tag that breaks them");
        Assert.Equal("Fail", badTag.Result);
        Assert.Contains("Linted.feature:11: the scenario 'Has a tag that breaks them' breaks the rules", badTag.Message, StringComparison.Ordinal);
        Assert.Contains("@source:aws is not a source; fix: write @source:aws-docs", badTag.Message, StringComparison.Ordinal);
        // The lint sees which binding each step runs (what @needs checks are built on).
        var missingNeeds = run.Single("Linted: Misses a tag its step needs");
        Assert.Equal("Fail", missingNeeds.Result);
        Assert.Contains("fix: add @needs:numbers", missingNeeds.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_step_fails_the_test()
    {
        var run = await FixtureRun.RunAsync("broken");

        var failed = run.Single("Pending step: A step that is still pending");
        Assert.Equal("Fail", failed.Result);
        Assert.Contains("Pending.feature:3", failed.Message, StringComparison.Ordinal);
        Assert.Contains("not implemented", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ambiguous_step_fails_the_test_naming_both_bindings()
    {
        var run = await FixtureRun.RunAsync("broken");

        var failed = run.Single("Ambiguous step: A step two bindings claim");
        Assert.Equal("Fail", failed.Result);
        Assert.Contains("Ambiguous step definitions", failed.Message, StringComparison.Ordinal);
        Assert.Contains("AmbiguousOne", failed.Message, StringComparison.Ordinal);
        Assert.Contains("AmbiguousTwo", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_feature_becomes_a_failing_test_naming_file_and_line_while_its_neighbours_run()
    {
        var run = await FixtureRun.RunAsync("malformed");

        var failed = run.Single("Malformed.feature: feature file does not load");
        Assert.Equal("Fail", failed.Result);
        Assert.Contains("Malformed.feature(6,7): inconsistent cell count", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Malformed.feature(7,5)", failed.Message, StringComparison.Ordinal);
        Assert.Equal("Pass", run.Single("Good neighbour: Still runs").Result);
    }

    [Fact]
    public async Task Every_run_writes_the_html_report_and_the_ndjson_messages()
    {
        var run = await FixtureRun.RunAsync("broken");

        var html = Path.Combine(run.ReportDirectory, "report.html");
        var ndjson = Path.Combine(run.ReportDirectory, "report.ndjson");
        Assert.True(File.Exists(html), $"No HTML report at {html}.{Environment.NewLine}{run.Console}");
        Assert.Contains("Two and two make five", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var messages = await File.ReadAllLinesAsync(ndjson, TestContext.Current.CancellationToken);
        Assert.Contains(messages, line => line.Contains("\"testCaseFinished\"", StringComparison.Ordinal));
        Assert.Contains(messages, line => line.Contains("\"FAILED\"", StringComparison.Ordinal));
    }
}
