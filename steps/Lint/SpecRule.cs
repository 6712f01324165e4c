namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// One rule of the spec: its id, the confidences the spec gives it (H, M, L), its one-line title (the first sentence
/// of its text), and whether a scenario is required.
/// </summary>
public sealed record SpecRule(string Id, IReadOnlySet<string> Confidences, string Title = "")
{
    /// <summary>Only L: the spec infers the rule or its sources disagree, so its scenarios carry <c>@verify-on-aws</c>.</summary>
    public bool IsLowOnly => Confidences.Count > 0 && Confidences.All(c => c == "L");

    /// <summary>Rated, and no L at all: the rule is documented or backed by a credible source, so no scenario of it alone needs <c>@verify-on-aws</c>.</summary>
    public bool IsFirm => Confidences.Count > 0 && !Confidences.Contains("L");

    /// <summary>H or M rules need a scenario; TestInvokeAuthorizer rules (TIA-*) need a deployed stage and are exempt.</summary>
    public bool RequiresScenario =>
        !Id.StartsWith("TIA-", StringComparison.Ordinal) && (Confidences.Contains("H") || Confidences.Contains("M"));

    /// <summary>The confidences as the spec writes them, e.g. <c>H</c> or <c>L/M</c>.</summary>
    public string ConfidenceText => Confidences.Count == 0 ? "-" : string.Join("/", Confidences.Order(StringComparer.Ordinal));
}
