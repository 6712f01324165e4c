namespace AuthorizerConformance.Steps.Lint;

/// <summary>One rule of the spec: its id, the confidences the spec gives it (H, M, L), and whether a scenario is required.</summary>
public sealed record SpecRule(string Id, IReadOnlySet<string> Confidences)
{
    /// <summary>H or M rules need a scenario; TestInvokeAuthorizer rules (TIA-*) need a deployed stage and are exempt.</summary>
    public bool RequiresScenario =>
        !Id.StartsWith("TIA-", StringComparison.Ordinal) && (Confidences.Contains("H") || Confidences.Contains("M"));

    /// <summary>The confidences as the spec writes them, e.g. <c>H</c> or <c>L/M</c>.</summary>
    public string ConfidenceText => Confidences.Count == 0 ? "-" : string.Join("/", Confidences.Order(StringComparer.Ordinal));
}
