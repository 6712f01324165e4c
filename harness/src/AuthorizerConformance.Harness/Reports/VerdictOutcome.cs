namespace AuthorizerConformance.Harness.Reports;

/// <summary>How a scenario ended. A skipped scenario is not a passed one.</summary>
public enum VerdictOutcome
{
    Passed,
    Failed,
    Skipped,
}
