using System.Text;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// docs/rules.md — every rule of docs/spec with its title, confidence and the scenarios that cover it — is generated
/// from the spec and the features, and kept up to date by this test. Regenerate it with
/// <c>AUTHZ_UPDATE_DOCS=1 dotnet test --project steps/AuthorizerConformance.Steps.csproj --filter "FullyQualifiedName~RulesReference"</c>.
/// </summary>
public class RulesReferenceTests
{
    /// <summary>Set to 1 to rewrite the generated docs instead of checking them.</summary>
    public const string UpdateVariable = "AUTHZ_UPDATE_DOCS";

    private const string Regenerate =
        "AUTHZ_UPDATE_DOCS=1 dotnet test --project steps/AuthorizerConformance.Steps.csproj --filter \"FullyQualifiedName~RulesReference\"";

    [Fact]
    public void Docs_rules_md_lists_every_rule_with_its_title_confidence_and_scenarios()
    {
        var path = Path.Combine(DocsDirectory, "rules.md");
        var expected = Generate(ConformanceLint.Instance.Rules, FeatureCatalog.For(typeof(RulesReferenceTests).Assembly));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            File.WriteAllText(path, expected);
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";
        Assert.True(actual == expected, $"docs/rules.md is out of date with docs/spec and features/. Regenerate it: {Regenerate}");
    }

    /// <summary>The docs folder (the spec's parent).</summary>
    public static string DocsDirectory => Path.GetFullPath(Path.Combine(ConformanceLint.SpecDirectory, ".."));

    private static string Generate(IReadOnlyDictionary<string, SpecRule> rules, FeatureCatalog catalog)
    {
        var scenarios = catalog.Scenarios.Where(s => s.LoadError is null)
            .SelectMany(s => s.AllTags.Where(t => t.StartsWith("rule:", StringComparison.Ordinal)).Select(t => (Rule: t[5..], Name: $"{s.File.RelativePath}: {s.Title}")))
            .Distinct()
            .GroupBy(x => x.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Name).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var text = new StringBuilder()
            .Append("# Rules\n\n")
            .Append("Every rule of the spec ([docs/spec](spec/)) with its one-line title, the confidence the spec gives it and the\n")
            .Append("scenarios that check it. A scenario names the rules it checks with `@rule:<id>` tags (README, \"Adding a\n")
            .Append("scenario\"). Confidence: **H** documented by AWS or several sources agree; **M** one credible source; **L** inferred,\n")
            .Append("undocumented or disputed. A scenario of a rule rated only L carries `@verify-on-aws`; one whose rules are all H or M\n")
            .Append("must not; a rule rated both (e.g. `L/M`) allows either. Every H or M rule (TIA-* aside: they need a deployed stage)\n")
            .Append("has a scenario.\n\n")
            .Append("Generated from docs/spec and features/ — do not edit by hand. A test fails when it is out of date; regenerate it with\n\n")
            .Append("```bash\n").Append(Regenerate).Append("\n```\n\n")
            .Append("| Rule | Title | Confidence | Scenarios |\n|---|---|---|---|\n");
        foreach (var rule in rules.Values.OrderBy(r => r.Id, RuleIdComparer.Instance))
        {
            var covering = scenarios.GetValueOrDefault(rule.Id) ?? [];
            var list = covering.Count == 0 ? (rule.RequiresScenario ? "**none**" : "—") : string.Join("<br>", covering.Select(Cell));
            text.Append($"| {rule.Id} | {Cell(rule.Title)} | {rule.ConfidenceText} | {list} |\n");
        }
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
