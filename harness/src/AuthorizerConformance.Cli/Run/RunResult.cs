using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Cli.Run;

/// <summary>Every scenario's result of one <c>authz run</c>, the run's own errors, and the verdict per subject.</summary>
public sealed class RunResult(IReadOnlyList<ScenarioResult> scenarios, IReadOnlyList<string> runErrors, string lintMarkdown, string judged)
{
    /// <summary>Every scenario and Examples row, ordered by feature, then name.</summary>
    public IReadOnlyList<ScenarioResult> Scenarios { get; } = [.. scenarios
        .OrderBy(s => s.Feature, StringComparer.Ordinal).ThenBy(s => s.ScenarioWithRow, StringComparer.Ordinal)];

    /// <summary>Failures outside any one scenario (a hook of the run, the suite process itself); each fails the run.</summary>
    public IReadOnlyList<string> RunErrors { get; } = runErrors;

    /// <summary>The lint section (reports/lint.md of the run: findings in the authorizer under test's outputs).</summary>
    public string LintMarkdown { get; } = lintMarkdown;

    /// <summary>What the authorizer-under-test verdict is about (the profile's name and file, or the built-in reference).</summary>
    public string Judged { get; } = judged;

    /// <summary>True when every scenario that ran passed and the run itself had no error.</summary>
    public bool Passed => RunErrors.Count == 0 && Scenarios.All(s => s.Outcome != VerdictOutcome.Failed);

    /// <summary>The scenarios judging <paramref name="subject"/>.</summary>
    public IEnumerable<ScenarioResult> Of(ScenarioSubject subject) => Scenarios.Where(s => s.Subject == subject);

    /// <summary>How many of <paramref name="results"/> ended with <paramref name="outcome"/>.</summary>
    public static int Count(IEnumerable<ScenarioResult> results, VerdictOutcome outcome) => results.Count(s => s.Outcome == outcome);

    /// <summary>The one-line verdict on <paramref name="subject"/>: <c>PASSED — 120 passed, 0 failed, 8 skipped</c>.</summary>
    public string Verdict(ScenarioSubject subject)
    {
        var results = Of(subject).ToList();
        if (results.Count == 0)
            return "not judged — no scenario of this run judges it";
        var failed = Count(results, VerdictOutcome.Failed);
        var word = failed > 0 ? "FAILED" : Count(results, VerdictOutcome.Passed) == 0 ? "NOT JUDGED" : "PASSED";
        return $"{word} — {Count(results, VerdictOutcome.Passed)} passed, {failed} failed, {Count(results, VerdictOutcome.Skipped)} skipped";
    }

    /// <summary>The name of a subject for people.</summary>
    public string Title(ScenarioSubject subject) => subject switch
    {
        ScenarioSubject.AuthorizerUnderTest => $"Authorizer under test ({Judged})",
        ScenarioSubject.GatewayEmulation => "API Gateway's rules (scripted authorizer outputs, the emulation)",
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, null),
    };
}
