using System.Reflection;
using System.Text.RegularExpressions;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Tokens;
using Reqnroll;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// features/_Glossary.md stays true: every word of "Words in the steps" occurs in a step definition, and every failure
/// code, capability, hostile variant and reason text it lists exists in the code (the reason texts in authorizer/src).
/// </summary>
public sealed partial class GlossaryTests
{
    private static readonly string RepoRoot = Path.GetFullPath(Path.Combine(ConformanceLint.SpecDirectory, "..", ".."));

    private static readonly string[] Glossary = File.ReadAllLines(Path.Combine(RepoRoot, "features", "_Glossary.md"));

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex("\"(?<text>[a-z0-9{}]+(?:-[a-z0-9{}]+)+)\"")]
    private static partial Regex KebabLiteral();

    [Fact]
    public void Every_word_of_the_step_table_occurs_in_a_step()
    {
        var expressions = typeof(GlossaryTests).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<StepDefinitionBaseAttribute>()).Select(a => a.Expression.ToLowerInvariant()).ToList();
        var missing = Rows("## Words in the steps")
            .SelectMany(row => row.Term.Split([", ", " / "], StringSplitOptions.TrimEntries))
            .Where(word => !expressions.Any(e => e.Contains(word.ToLowerInvariant(), StringComparison.Ordinal)))
            .ToList();
        Assert.True(missing.Count == 0, "Glossary words no step uses (move them to 'Other words' or fix them): " + string.Join(", ", missing));
    }

    [Fact]
    public void The_failure_codes_are_exactly_the_gateways() =>
        Assert.Equal(
            typeof(FailureCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal),
            Codes(Row("failure code")).Order(StringComparer.Ordinal));

    [Fact]
    public void The_capabilities_are_exactly_the_targets() =>
        Assert.Equal(TargetCapability.All.Order(StringComparer.Ordinal), Codes(Row("capability")).Where(c => !c.StartsWith('@')).Order(StringComparer.Ordinal));

    [Fact]
    public void The_hostile_variants_named_exist() =>
        Assert.All(Codes(Row("hostile variant")).Where(c => c != "…"), name => Assert.NotNull(JwtAttacks.Find(name)));

    [Fact]
    public void Every_reason_text_listed_is_one_the_reference_authorizer_gives()
    {
        // Reason texts are the authorizer's kebab-case string literals; "{what}-json-invalid" stands for header- and payload-json-invalid.
        var templates = Directory.EnumerateFiles(Path.Combine(RepoRoot, "authorizer", "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => KebabLiteral().Matches(File.ReadAllText(file)).Select(m => m.Groups["text"].Value))
            .Distinct()
            .Select(text => new Regex("^" + Regex.Replace(Regex.Escape(text), @"\\\{[a-z]+}", "[a-z]+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .ToList();
        var listed = Section("## Reason texts of the reference authorizer")
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => Codes(line.Split('|')[1]))
            .ToList();
        Assert.True(listed.Count >= 30, $"Only {listed.Count} reason texts found in the glossary.");
        var unknown = listed.Where(reason => !templates.Any(t => t.IsMatch(reason))).ToList();
        Assert.True(unknown.Count == 0, "Reason texts the reference authorizer never gives: " + string.Join(", ", unknown));
    }

    private static IEnumerable<string> Section(string heading) =>
        Glossary.SkipWhile(line => line != heading).Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));

    private static IEnumerable<(string Term, string Meaning)> Rows(string heading) =>
        Section(heading).Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Word", StringComparison.Ordinal))
            .Select(line => line.Split('|'))
            .Select(cells => (cells[1].Trim(), cells[2].Trim()));

    private static string Row(string term) =>
        Glossary.SingleOrDefault(line => line.StartsWith($"| {term} |", StringComparison.Ordinal)) ?? throw new InvalidOperationException($"The glossary has no row '{term}'.");

    private static List<string> Codes(string text) => [.. Code().Matches(text).Select(m => m.Groups["code"].Value)];
}
