namespace AuthorizerConformance.Harness.Recording;

/// <summary>One invocation of an authorizer function in a recorded scenario: which, the event's fingerprint, and what it did.</summary>
/// <param name="Ordinal">1 for the scenario's first call.</param>
/// <param name="Authorizer">The authorizer's name in the scenario's API.</param>
/// <param name="EventFingerprint">The event's fingerprint (<see cref="RecordingNormalizer.Fingerprint"/>); a replay must send the same.</param>
/// <param name="Outcome"><c>returned</c>, <c>error</c> or <c>timedOut</c>.</param>
/// <param name="Output">The output returned (redacted), for <c>returned</c>.</param>
/// <param name="ErrorMessage">The error's message (redacted), for <c>error</c>.</param>
/// <param name="ErrorType">The error's type, for <c>error</c>.</param>
/// <param name="TimeoutSeconds">The timeout it ran into, for <c>timedOut</c>.</param>
public sealed record RecordedCall(
    int Ordinal, string Authorizer, string EventFingerprint, string Outcome, string? Output, string? ErrorMessage, string? ErrorType, double? TimeoutSeconds)
{
    /// <summary>The outcome of a function that returned.</summary>
    public const string Returned = "returned";

    /// <summary>The outcome of a function that failed.</summary>
    public const string Error = "error";

    /// <summary>The outcome of a function that ran out of time.</summary>
    public const string TimedOut = "timedOut";
}
