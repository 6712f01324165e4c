namespace AuthorizerConformance.Harness.Lint;

/// <summary>One finding of the authorizer-output linter: the rule, where in the output (a JSON path), what is wrong and the fix.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Path">The JSON path of the offending member (<c>$</c> for the whole output).</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record LintFinding(LintRule Rule, string Path, string Message)
{
    /// <summary>One line: <c>AZL001 $.policyDocument…: message — fix: …</c>.</summary>
    public override string ToString() => $"{Rule.Id} {Path}: {Message} — fix: {Rule.Fix}";
}
