using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace AuthorizerConformance.Cli.Tests;

/// <summary><c>authz run</c> on the fixture features: exit code, console, and every report.</summary>
public class RunCommandTests(RunFixtureRun run)
{
    private const string FailingAuthorizerScenario =
        "authz run fixture: The authorizer under test is expected to allow a token signed with another key (fails on purpose)";

    [Fact]
    public void A_failed_scenario_makes_the_exit_code_1()
    {
        Assert.True(run.ExitCode == 1, run.Output);
    }

    [Fact]
    public void Output_is_one_plain_line_per_scenario_when_CI_is_set()
    {
        Assert.Contains("[1/6] ", run.Output, StringComparison.Ordinal);
        Assert.Contains("[6/6] ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"FAILED  {FailingAuthorizerScenario}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal); // no colour codes in a log
    }

    [Fact]
    public void The_summary_gives_the_two_verdicts_apart_with_counts_and_skip_reasons()
    {
        Assert.Contains("Authorizer under test (the built-in reference authorizer): FAILED — 1 passed, 1 failed, 1 skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("API Gateway's rules (scripted authorizer outputs, the emulation): FAILED — 2 passed, 1 failed, 0 skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("1  Ignored: @ignore on the Scenario or its Examples", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ authz run fixture\s+│ authorizer under test\s+│\s+1 │\s+1 │\s+1 │", run.Output);
        Assert.Matches(@"│ authz run fixture\s+│ API Gateway \(scripted\)\s+│\s+2 │\s+1 │\s+0 │", run.Output);
    }

    [Fact]
    public void Each_failure_is_printed_with_its_explanation()
    {
        var failure = run.Output[run.Output.IndexOf($"FAILED {FailingAuthorizerScenario}", StringComparison.Ordinal)..];

        Assert.Contains("(authorizer under test)", failure.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("401", failure, StringComparison.Ordinal); // what the client got instead of access
    }

    [Fact]
    public void Junit_xml_is_valid_against_the_JUnit_schema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "TestData", "junit.xsd"));
        var errors = new List<string>();

        XDocument.Load(Path.Combine(run.ReportDirectory, "junit.xml")).Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));

        Assert.Empty(errors);
    }

    [Fact]
    public void Junit_xml_has_one_testcase_per_scenario_row_with_failures_explained()
    {
        var junit = XDocument.Load(Path.Combine(run.ReportDirectory, "junit.xml"));
        var cases = junit.Descendants("testcase").ToList();

        Assert.Equal(6, cases.Count);
        Assert.Equal("6", (string?)junit.Root!.Attribute("tests"));
        Assert.Equal("2", (string?)junit.Root.Attribute("failures"));
        Assert.Equal(2, cases.Count(c => c.Element("failure") is not null));
        Assert.Single(cases, c => c.Element("skipped") is not null);
        var outline = cases.Single(c => ((string)c.Attribute("name")!).EndsWith("[Examples #2: effect=Deny]", StringComparison.Ordinal));
        var failure = outline.Element("failure")!;
        Assert.False(string.IsNullOrWhiteSpace((string?)failure.Attribute("message")));
        Assert.Contains("403", failure.Value, StringComparison.Ordinal);
        Assert.Equal(["authorizer-under-test", "gateway-emulation"],
            junit.Descendants("property").Where(p => (string?)p.Attribute("name") == "judges").Select(p => (string)p.Attribute("value")!).Order());
    }

    [Fact]
    public void The_report_folder_holds_every_report_and_the_step_summary_gets_the_summary()
    {
        foreach (var name in new[] { "junit.xml", "conformance.html", "conformance.ndjson", "summary.md" })
            Assert.True(new FileInfo(Path.Combine(run.ReportDirectory, name)) is { Exists: true, Length: > 0 }, name);
        var summary = File.ReadAllText(Path.Combine(run.ReportDirectory, "summary.md"));
        Assert.Contains("# Authorizer conformance: FAILED", summary, StringComparison.Ordinal);
        Assert.Contains("- **Authorizer under test (the built-in reference authorizer)**: FAILED — 1 passed, 1 failed, 1 skipped", summary, StringComparison.Ordinal);
        Assert.Contains($"### {FailingAuthorizerScenario}", summary, StringComparison.Ordinal);
        Assert.Contains("## Lint findings on the authorizer under test", summary, StringComparison.Ordinal);
        Assert.Equal("earlier step\n" + summary + Environment.NewLine, File.ReadAllText(run.StepSummary));
    }

    [Fact]
    public async Task Tags_select_scenarios_and_an_all_passed_run_exits_0()
    {
        var (code, output) = await AuthzProcess.AuthzRunAsync(AuthzProcess.RepoRoot,
            "--no-builtin", "--features", AuthzProcess.FixtureFeatures, "--tags", "@fixture-pass and not @ignore");

        Assert.True(code == 0, output);
        Assert.Contains("[2/2] ", output, StringComparison.Ordinal);
        Assert.Contains("Authorizer under test (the built-in reference authorizer): PASSED — 1 passed, 0 failed, 0 skipped", output, StringComparison.Ordinal);
    }
}
