using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// The case format is checked (STYLE rules 1–7). Each scenario's own rules (one known <c>@source:</c>; <c>@rule:</c> tags
/// naming rules of the spec; <c>@verify-on-aws</c> where the spec's confidence says so; listed
/// <c>@known-divergence:</c> ids; exactly the <c>@needs:</c> its steps need) are <see cref="ConformanceLint"/>'s, which the
/// runner also applies before every scenario, filtered runs included; the tests here list every offender at once. The
/// whole-suite checks live only here: every feature loads, scenario names are unique, every step is bound, every
/// listed divergence is used, and every H or M rule (TIA-* aside) has a scenario — the coverage table is written to
/// the reports folder and to the test output.
/// </summary>
public sealed class FeatureLintTests(ITestOutputHelper output)
{
    private static readonly Assembly Suite = typeof(FeatureLintTests).Assembly;

    private static FeatureCatalog Catalog => FeatureCatalog.For(Suite);

    private static IEnumerable<ScenarioDefinition> Scenarios => Catalog.Scenarios.Where(s => s.LoadError is null);

    private static ConformanceLint Lint => ConformanceLint.Instance;

    private static IReadOnlyDictionary<string, SpecRule> Rules => Lint.Rules;

    [Fact]
    public void Every_feature_file_loads()
    {
        var failures = Catalog.Files.Where(f => f.LoadError is not null).Select(f => f.LoadError!).ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_scenario_has_exactly_one_known_source_tag() => AssertNone(Lint.SourceProblems);

    [Fact]
    public void Every_rule_tag_names_a_rule_of_the_spec() => AssertNone(s => Lint.RuleProblems(s).Where(p => !p.StartsWith("no @rule:", StringComparison.Ordinal)));

    [Fact]
    public void Every_scenario_names_the_rule_it_checks() => AssertNone(s => Lint.RuleProblems(s).Where(p => p.StartsWith("no @rule:", StringComparison.Ordinal)));

    [Fact]
    public void Verify_on_aws_is_where_the_spec_rates_the_rule_low_and_nowhere_else() => AssertNone(Lint.VerifyOnAwsProblems);

    [Fact]
    public void Every_scenario_needs_exactly_the_capabilities_its_steps_need()
    {
        var problems = StepBindingCheck.MatchAll(Suite, Catalog)
            .SelectMany(x => ConformanceLint.NeedsProblems(x.Scenario, x.Steps).Select(p => $"{x.Scenario.Location} {x.Scenario.DisplayName}: {p}"))
            .Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Scenario_names_are_unique_across_the_suite()
    {
        // An outline's Examples rows share its name; two different scenarios may not.
        var problems = Scenarios
            .GroupBy(s => s.Title, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.GroupBy(s => (s.File.RelativePath, Scenario: s.Key.Split(" [")[0])).Select(d => d.First().Location).ToList())
            .Where(locations => locations.Count > 1)
            .Select(locations => "Same scenario name at " + string.Join(", ", locations))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_step_is_bound()
    {
        var problems = StepBindingCheck.FindProblems(Suite, Catalog);
        var text = string.Join(Environment.NewLine, problems.Select(p =>
            $"{p.Location}: {p.Step} — {p.Reason}{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", p.Suggestions)}"));
        output.WriteLine(text);
        Assert.True(problems.Count == 0, text);
    }

    [Fact]
    public void Every_known_divergence_tag_is_listed_and_every_listed_divergence_is_used()
    {
        var listed = ConformanceLint.ListedDivergences(Catalog.Directory);
        var used = Scenarios.SelectMany(s => s.AllTags.Where(t => t.StartsWith("known-divergence:", StringComparison.Ordinal))
            .Select(t => t["known-divergence:".Length..])).ToHashSet(StringComparer.Ordinal);

        var unlisted = Scenarios.SelectMany(s => Lint.DivergenceProblems(s).Select(p => $"{s.Location}: {p}"));
        var unused = listed.Where(id => !used.Contains(id)).Select(id => $"features/KnownDivergences.md lists '{id}' but no scenario is tagged @known-divergence:{id}");
        var problems = unlisted.Concat(unused).Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_high_or_medium_rule_has_a_scenario()
    {
        var byRule = Scenarios.SelectMany(s => RuleTags(s).Select(r => (Rule: r, Scenario: s)))
            .GroupBy(x => x.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Scenario.DisplayName).Distinct().ToList(), StringComparer.Ordinal);

        var table = new StringBuilder("| rule | confidence | required | scenarios | first scenario |").AppendLine()
            .AppendLine("|---|---|---|---:|---|");
        foreach (var rule in Rules.Values.OrderBy(r => r.Id, RuleIdComparer.Instance))
        {
            var scenarios = byRule.GetValueOrDefault(rule.Id) ?? [];
            table.AppendLine($"| {rule.Id} | {rule.ConfidenceText} | {(rule.RequiresScenario ? "yes" : "no")} | {scenarios.Count} | {scenarios.FirstOrDefault() ?? "—"} |");
        }
        var report = Path.Combine(AppContext.BaseDirectory, "reports", "rule-coverage.md");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllText(report, table.ToString());
        output.WriteLine($"Rule coverage (also in {report}):");
        output.WriteLine(table.ToString());

        var missing = Rules.Values.Where(r => r.RequiresScenario && !byRule.ContainsKey(r.Id)).Select(r => r.Id).OrderBy(r => r, RuleIdComparer.Instance).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} H/M rules have no scenario: {string.Join(", ", missing)}");
    }

    private static void AssertNone(Func<ScenarioDefinition, IEnumerable<string>> check)
    {
        var problems = Scenarios.SelectMany(s => check(s).Select(p => $"{s.Location} {s.DisplayName}: {p}")).Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<string> RuleTags(ScenarioDefinition s) =>
        s.AllTags.Where(t => t.StartsWith("rule:", StringComparison.Ordinal)).Select(t => t["rule:".Length..]);
}
