using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AuthorizerConformance.Steps.Support;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Reqnroll.xUnit3;
using AuthorizerConformance.Steps.StepDefinitions;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// The rules every scenario keeps (STYLE rules 1–7, README "Adding a scenario"), checked by the runner before each
/// scenario runs — a filtered run included — and by <see cref="FeatureLintTests"/> over the whole suite. Each problem
/// says how to fix it.
/// </summary>
public sealed partial class ConformanceLint : IScenarioLint
{
    /// <summary>The source tags a scenario may carry (exactly one).</summary>
    public static IReadOnlyList<string> Sources { get; } = ["aws-docs", "iam-docs", "rfc8725", "recorded", "local-decision"];

    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> Divergences = new(StringComparer.Ordinal);

    /// <summary>The folder of the spec (docs/spec), recorded at build time.</summary>
    public static string SpecDirectory { get; } =
        BuildMetadata.Value("SpecDirectory");

    /// <summary>The lint of this suite, with the rules of docs/spec.</summary>
    public static ConformanceLint Instance { get; } = new(SpecRuleCatalog.Load(SpecDirectory));

    /// <summary>A lint over <paramref name="rules"/>.</summary>
    public ConformanceLint(IReadOnlyDictionary<string, SpecRule> rules) => Rules = rules;

    /// <summary>The rules of the spec, by id.</summary>
    public IReadOnlyDictionary<string, SpecRule> Rules { get; }

    [GeneratedRegex(@"^\s*[-*|]\s*`(?<id>[a-z0-9][a-z0-9-]*)`")]
    private static partial Regex DivergenceLine();

    /// <inheritdoc />
    public IReadOnlyList<string> Check(ScenarioDefinition scenario, IReadOnlyList<StepMatch> steps) =>
    [
        .. SourceProblems(scenario), .. RuleProblems(scenario), .. VerifyOnAwsProblems(scenario),
        .. DivergenceProblems(scenario), .. NeedsProblems(scenario, steps),
    ];

    /// <summary>Exactly one <c>@source:</c> tag, naming a known source.</summary>
    public IEnumerable<string> SourceProblems(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sources = Tagged(scenario, "source:").ToList();
        var known = "@source:" + string.Join(", @source:", Sources);
        if (sources.Count == 0)
            yield return $"no @source: tag; fix: add exactly one of {known}.";
        else if (sources.Count > 1)
            yield return $"{sources.Count} source tags (@source:{string.Join(", @source:", sources)}); fix: keep exactly one.";
        foreach (var source in sources.Where(s => !Sources.Contains(s)))
            yield return $"@source:{source} is not a source; fix: use one of {known}.";
    }

    /// <summary>At least one <c>@rule:</c> tag, each naming a rule of docs/spec (an unknown id gets the nearest ones with their titles).</summary>
    public IEnumerable<string> RuleProblems(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var ids = Tagged(scenario, "rule:").ToList();
        if (ids.Count == 0)
            yield return "no @rule: tag; fix: add the id of the rule it checks, e.g. @rule:TOK-6 (docs/rules.md lists every rule with its title).";
        foreach (var id in ids.Where(id => !Rules.ContainsKey(id)))
        {
            var nearest = SpecRuleCatalog.Nearest(Rules, id).Select(r => $"@rule:{r.Id} \"{r.Title}\"");
            yield return $"@rule:{id} is not a rule id of docs/spec; did you mean{Environment.NewLine}" +
                         string.Join(Environment.NewLine, nearest.Select(n => "    " + n)) +
                         $"{Environment.NewLine}  (docs/rules.md lists every rule with its title and confidence).";
        }
    }

    /// <summary>
    /// <c>@verify-on-aws</c> exactly where the spec's confidence says so: required when a rule checked is rated only L
    /// (TestInvokeAuthorizer rules aside: they need a deployed stage anyway); not allowed when every rule checked is rated
    /// H or M without an L. A rule rated both (L/M, disputed) allows either.
    /// </summary>
    public IEnumerable<string> VerifyOnAwsProblems(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var rules = Tagged(scenario, "rule:").Select(id => Rules.GetValueOrDefault(id)).ToList();
        if (rules.Count == 0 || rules.Any(r => r is null))
            yield break; // RuleProblems says what is wrong
        var tagged = scenario.AllTags.Contains("verify-on-aws");
        var low = rules.Where(r => r!.IsLowOnly && !r.Id.StartsWith("TIA-", StringComparison.Ordinal)).Select(r => $"{r!.Id} ({r.ConfidenceText})").ToList();
        if (low.Count > 0 && !tagged)
            yield return $"checks {string.Join(", ", low)}, which the spec rates low-confidence; fix: add @verify-on-aws.";
        if (tagged && rules.All(r => r!.IsFirm))
            yield return $"carries @verify-on-aws, but the spec rates {string.Join(", ", rules.Select(r => $"{r!.Id} {r.ConfidenceText}"))}; fix: remove @verify-on-aws.";
    }

    /// <summary>Every <c>@known-divergence:</c> id is listed in features/KnownDivergences.md.</summary>
    public IEnumerable<string> DivergenceProblems(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var listed = ListedDivergences(scenario.File.Directory);
        foreach (var id in Tagged(scenario, "known-divergence:").Where(id => !listed.Contains(id)))
            yield return $"@known-divergence:{id} is not listed in features/KnownDivergences.md; fix: add the line \"- `{id}` — why we differ from AWS\" there, or use one of: {string.Join(", ", listed.Order(StringComparer.Ordinal))}.";
    }

    /// <summary>
    /// <c>@needs:</c> names known capabilities, and exactly those the scenario's steps need (steps/StepDefinitions/StepCapabilities.cs).
    /// </summary>
    public static IEnumerable<string> NeedsProblems(ScenarioDefinition scenario, IReadOnlyList<StepMatch> steps)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(steps);
        var tagged = Tagged(scenario, "needs:").ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in tagged.Where(n => !TargetCapability.All.Contains(n)))
            yield return $"@needs:{unknown} is not a capability; fix: use one of @needs:{string.Join(", @needs:", TargetCapability.All)}.";
        var needed = steps.Where(s => s.Method is not null)
            .SelectMany(s => StepCapabilities.For(s.Method!, s.Step.Text).Select(c => (Capability: c, Number: s.Step.Line, Text: s.Line)))
            .GroupBy(x => x.Capability, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (capability, first) in needed.Where(kv => !tagged.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            yield return $"the step at line {first.Number} ('{first.Text}') needs the capability {capability}; fix: add @needs:{capability}.";
        foreach (var extra in tagged.Where(n => TargetCapability.All.Contains(n) && !needed.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            var where = scenario.ScenarioTags.Contains("needs:" + extra) ? "" : " (it is on the Feature or Rule)";
            yield return $"carries @needs:{extra}, but none of its steps needs it; fix: remove @needs:{extra}{where}.";
        }
    }

    private static IEnumerable<string> Tagged(ScenarioDefinition scenario, string prefix) =>
        scenario.AllTags.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t[prefix.Length..]);

    /// <summary>The ids features/KnownDivergences.md lists (a bullet or table row starting with a backquoted id).</summary>
    public static IReadOnlySet<string> ListedDivergences(string featuresDirectory) =>
        Divergences.GetOrAdd(featuresDirectory, directory =>
        {
            var path = Path.Combine(directory, "KnownDivergences.md");
            return File.Exists(path)
                ? File.ReadLines(path).Select(line => DivergenceLine().Match(line)).Where(m => m.Success).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
        });
}
