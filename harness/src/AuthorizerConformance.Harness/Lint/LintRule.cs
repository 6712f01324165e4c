namespace AuthorizerConformance.Harness.Lint;

/// <summary>A rule of the authorizer-output linter: a stable id, a short name, the pitfall it catches and how to fix it.</summary>
/// <param name="Id">The stable id (<c>AZL001</c>…).</param>
/// <param name="Name">A short kebab-case name.</param>
/// <param name="Title">One line saying what the rule catches.</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="SpecRule">The spec rule the pitfall comes from, when there is one.</param>
public sealed record LintRule(string Id, string Name, string Title, string Fix, string? SpecRule);
