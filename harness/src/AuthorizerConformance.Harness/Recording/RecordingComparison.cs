using System.Text.Json;

namespace AuthorizerConformance.Harness.Recording;

/// <summary>Compares two recordings of one scenario member by member, listing every difference (STYLE 16).</summary>
public static class RecordingComparison
{
    /// <summary>Every difference between <paramref name="expected"/> and <paramref name="actual"/>, one line each.</summary>
    public static IReadOnlyList<string> Differences(ScenarioRecording expected, ScenarioRecording actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        if (expected.Requests.Count != actual.Requests.Count)
            differences.Add($"requests: {expected.Requests.Count} recorded, {actual.Requests.Count} now");
        foreach (var (e, a) in expected.Requests.Zip(actual.Requests))
        {
            var at = $"request {e.Ordinal} ({e.Request.Method} {e.Request.Path})";
            Compare(differences, at, "request fingerprint", e.Fingerprint, a.Fingerprint);
            Compare(differences, at, "status", e.Status, a.Status);
            foreach (var name in e.Headers.Keys.Union(a.Headers.Keys).Order(StringComparer.Ordinal))
                Compare(differences, at, $"header {name}", e.Headers.GetValueOrDefault(name), a.Headers.GetValueOrDefault(name));
            Compare(differences, at, "body", e.Body, a.Body);
            Compare(differences, at, "authorizer invoked", e.AuthorizerInvoked, a.AuthorizerInvoked);
            Compare(differences, at, "cache hit", e.CacheHit, a.CacheHit);
            Compare(differences, at, "backend context", e.IntegrationContext, a.IntegrationContext);
        }
        if (expected.Calls.Count != actual.Calls.Count)
            differences.Add($"authorizer calls: {expected.Calls.Count} recorded, {actual.Calls.Count} now");
        foreach (var (e, a) in expected.Calls.Zip(actual.Calls))
        {
            var at = $"call {e.Ordinal} (authorizer {e.Authorizer})";
            Compare(differences, at, "authorizer", e.Authorizer, a.Authorizer);
            Compare(differences, at, "event fingerprint", e.EventFingerprint, a.EventFingerprint);
            Compare(differences, at, "outcome", e.Outcome, a.Outcome);
            Compare(differences, at, "output", e.Output, a.Output);
            Compare(differences, at, "error", e.ErrorMessage, a.ErrorMessage);
            Compare(differences, at, "error type", e.ErrorType, a.ErrorType);
        }
        Compare(differences, "scenario", "authorizer log", expected.AuthorizerLog, actual.AuthorizerLog);
        return differences;
    }

    private static void Compare<T>(List<string> differences, string at, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
            differences.Add($"{at}: {what}: recorded {Show(expected)}, now {Show(actual)}");
    }

    private static string Show<T>(T value) => value switch
    {
        null => "(absent)",
        string text => JsonSerializer.Serialize(text.Length > 300 ? text[..300] + "…" : text),
        _ => value.ToString()!,
    };
}
