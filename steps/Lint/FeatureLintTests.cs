using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// The case format is checked (STYLE rules 1–7): every feature loads; exactly one <c>@source:</c> tag per scenario;
/// <c>@rule:</c> tags name rules of the spec; scenario names are unique; every step is bound; every
/// <c>@known-divergence:</c> is listed in features/KnownDivergences.md; rules the spec rates only L carry
/// <c>@verify-on-aws</c>; and every H or M rule (TIA-* aside) has a scenario — the coverage table is written to the
/// reports folder and to the test output.
/// </summary>
public sealed partial class FeatureLintTests(ITestOutputHelper output)
{
    private static readonly Assembly Suite = typeof(FeatureLintTests).Assembly;
    private static readonly string[] Sources = ["aws-docs", "iam-docs", "rfc8725", "recorded", "local-decision"];

    private static FeatureCatalog Catalog => FeatureCatalog.For(Suite);

    private static IEnumerable<ScenarioDefinition> Scenarios => Catalog.Scenarios.Where(s => s.LoadError is null);

    private static IReadOnlyDictionary<string, SpecRule> Rules { get; } = SpecRuleCatalog.Load(
        Suite.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SpecDirectory").Value!);

    [GeneratedRegex(@"^\s*[-*|]\s*`(?<id>[a-z0-9][a-z0-9-]*)`")]
    private static partial Regex DivergenceLine();

    [Fact]
    public void Every_feature_file_loads()
    {
        var failures = Catalog.Files.Where(f => f.LoadError is not null).Select(f => f.LoadError!).ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_scenario_has_exactly_one_known_source_tag()
    {
        var problems = Scenarios
            .Select(s => (s, sources: s.AllTags.Where(t => t.StartsWith("source:", StringComparison.Ordinal)).ToList()))
            .Where(x => x.sources.Count != 1 || !Sources.Contains(x.sources[0]["source:".Length..]))
            .Select(x => $"{x.s.Location} {x.s.DisplayName}: source tags [{string.Join(", ", x.sources)}]; want exactly one of @source:{string.Join(", @source:", Sources)}")
            .Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_rule_tag_names_a_rule_of_the_spec()
    {
        var problems = Scenarios
            .SelectMany(s => RuleTags(s).Where(r => !Rules.ContainsKey(r)).Select(r => $"{s.Location}: @rule:{r} is not a rule id of docs/spec/"))
            .Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_scenario_names_the_rule_it_checks()
    {
        var problems = Scenarios.Where(s => !RuleTags(s).Any()).Select(s => $"{s.Location} {s.DisplayName}: no @rule: tag").Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Rules_the_spec_rates_low_are_tagged_verify_on_aws()
    {
        var problems = Scenarios
            .Where(s => RuleTags(s).Any(r => Rules.TryGetValue(r, out var rule) && !rule.RequiresScenario && !r.StartsWith("TIA-", StringComparison.Ordinal))
                        && !s.AllTags.Contains("verify-on-aws"))
            .Select(s => $"{s.Location} {s.DisplayName}: checks a low-confidence rule but has no @verify-on-aws")
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
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Select(p => $"{p.Location}: {p.Step} — {p.Reason}")));
    }

    [Fact]
    public void Every_known_divergence_tag_is_listed_and_every_listed_divergence_is_used()
    {
        var listed = File.ReadLines(Path.Combine(Catalog.Directory, "KnownDivergences.md"))
            .Select(line => DivergenceLine().Match(line)).Where(m => m.Success).Select(m => m.Groups["id"].Value)
            .ToHashSet(StringComparer.Ordinal);
        var used = Scenarios.SelectMany(s => s.AllTags.Where(t => t.StartsWith("known-divergence:", StringComparison.Ordinal))
            .Select(t => (Id: t["known-divergence:".Length..], s.Location))).ToList();

        var unlisted = used.Where(u => !listed.Contains(u.Id)).Select(u => $"{u.Location}: @known-divergence:{u.Id} is not listed in features/KnownDivergences.md");
        var unused = listed.Where(id => used.All(u => u.Id != id)).Select(id => $"features/KnownDivergences.md lists '{id}' but no scenario is tagged @known-divergence:{id}");
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

    private static IEnumerable<string> RuleTags(ScenarioDefinition s) =>
        s.AllTags.Where(t => t.StartsWith("rule:", StringComparison.Ordinal)).Select(t => t["rule:".Length..]);
}
