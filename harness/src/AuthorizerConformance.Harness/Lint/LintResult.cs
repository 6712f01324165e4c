namespace AuthorizerConformance.Harness.Lint;

/// <summary>What the linter found: the findings in output order, or why the output could not be read at all.</summary>
/// <param name="Findings">Every finding (empty when the output is clean).</param>
/// <param name="Unreadable">Why the output is not JSON the linter can read (with line and position), or null.</param>
public sealed record LintResult(IReadOnlyList<LintFinding> Findings, string? Unreadable)
{
    /// <summary>True when the output was read and nothing was found.</summary>
    public bool IsClean => Unreadable is null && Findings.Count == 0;
}
