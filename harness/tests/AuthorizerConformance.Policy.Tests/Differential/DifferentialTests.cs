using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AuthorizerConformance.Policy.Tests.Generators;
using CsCheck;

namespace AuthorizerConformance.Policy.Tests.Differential;

/// <summary>
/// Differential test against the independent evaluator @cloud-copilot/iam-simulate (iam-policy-evaluation §2):
/// 10,000 seeded cases per run, comparing the decision (Invalid included) and the set of deciding statements.
/// Cases the oracle flags with a documented caveat (§2.3) are skipped and counted. Every difference is reported.
/// Reproduce with POLICY_DIFF_SEED=&lt;seed&gt; (and POLICY_DIFF_CASES=&lt;n&gt;); POLICY_DIFF_REPORT=&lt;file&gt; writes the summary.
/// </summary>
public class DifferentialTests
{
    private const ulong DefaultSeed = 20251126;
    private const int DefaultCases = 10_000;

    [Fact]
    public async Task The_evaluator_agrees_with_iam_simulate_on_generated_cases()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("POLICY_DIFF_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("POLICY_DIFF_CASES"), CultureInfo.InvariantCulture, out var n) ? n : DefaultCases;
        var cases = Generate(seed, count);
        var clock = Stopwatch.StartNew();

        var answers = await OracleProcess.RunAsync([.. cases.Select(c => c.ToOracleLine())], TestContext.Current.CancellationToken);

        var differences = new List<string>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var decisions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Length; i++)
        {
            using var answer = JsonDocument.Parse(answers[i]);
            var theirs = answer.RootElement;
            var caveats = theirs.GetProperty("caveats").EnumerateArray().Select(c => c.GetString()!).ToArray();
            if (caveats.Length > 0)
            {
                foreach (var caveat in caveats)
                    skipped[caveat] = skipped.GetValueOrDefault(caveat) + 1;
                continue;
            }
            var ours = PolicyParser.Parse(cases[i].PolicyJson).Evaluate(cases[i].Request());
            var theirDecision = theirs.GetProperty("decision").GetString()!;
            var theirMatched = theirs.GetProperty("matched").EnumerateArray().Select(m => m.GetInt32()).Order().ToArray();
            var ourMatched = ours.DecidingStatements.Select(d => d.Index).Order().ToArray();
            decisions[theirDecision] = decisions.GetValueOrDefault(theirDecision) + 1;
            if (ours.Decision.ToString() != theirDecision || !ourMatched.SequenceEqual(theirMatched))
                differences.Add(Describe(i, cases[i], ours, answers[i]));
        }
        var summary = $"seed {seed}: {cases.Length} cases in {clock.Elapsed.TotalSeconds:F1} s, {differences.Count} differences; " +
                      $"compared by oracle decision {Show(decisions)}; skipped by caveat {Show(skipped)}. Reproduce: POLICY_DIFF_SEED={seed} POLICY_DIFF_CASES={count}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("POLICY_DIFF_REPORT") is { Length: > 0 } report)
            await File.WriteAllTextAsync(report, summary + "\n" + string.Join("\n", differences), TestContext.Current.CancellationToken);

        Assert.True(differences.Count == 0, summary + "\n" + string.Join("\n", differences.Take(25)));
        // The run must reach the interesting code: every decision occurs and few cases are skipped.
        Assert.All(new[] { "Allow", "ExplicitDeny", "ImplicitDeny", "Invalid" }, d => Assert.True(decisions.GetValueOrDefault(d) > count / 50, summary));
        Assert.True(decisions.Values.Sum() > count * 8 / 10, summary);
    }

    internal static CaseSpec[] Generate(ulong seed, int count)
    {
        var pcg = new PCG(1, seed);
        return [.. Enumerable.Range(0, count).Select(_ => PolicyGen.DifferentialCase.Generate(pcg, null, out Size _))];
    }

    private static string Describe(int index, CaseSpec c, PolicyEvaluation ours, string theirs)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"case {index}: policy {c.PolicyJson}\n  resource {c.Resource} context {JsonSerializer.Serialize(c.Context)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  ours   {ours.Decision} [{string.Join(",", ours.DecidingStatements.Select(d => d.Index))}]");
        if (ours.Decision == PolicyDecision.Invalid)
            text.Append(CultureInfo.InvariantCulture, $" {string.Join("; ", PolicyParser.Parse(c.PolicyJson).Errors.Select(e => $"{e.Path}: {e.Message}"))}");
        text.Append(CultureInfo.InvariantCulture, $"\n  oracle {theirs}");
        return text.ToString();
    }

    private static string Show(Dictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
}
