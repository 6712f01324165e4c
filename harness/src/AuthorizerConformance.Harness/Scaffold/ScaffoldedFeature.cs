namespace AuthorizerConformance.Harness.Scaffold;

/// <summary>One feature file <c>authz scaffold</c> writes: its file name and Gherkin text.</summary>
public sealed record ScaffoldedFeature(string FileName, string Text);
