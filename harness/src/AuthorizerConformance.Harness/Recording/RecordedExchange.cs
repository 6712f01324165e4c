namespace AuthorizerConformance.Harness.Recording;

/// <summary>One request of a recorded scenario and what came out, normalised (<see cref="RecordingNormalizer"/>).</summary>
/// <param name="Ordinal">1 for the scenario's first request.</param>
/// <param name="AtSeconds">When on the scenario's clock it was sent.</param>
/// <param name="Request">The request, redacted.</param>
/// <param name="Fingerprint">The request's fingerprint (tokens masked), so a replay can tell it is the same request.</param>
/// <param name="Status">The status the client got.</param>
/// <param name="Headers">The response headers without the volatile ones, lower-case names.</param>
/// <param name="Body">The response body, redacted.</param>
/// <param name="AuthorizerInvoked">Whether the authorizer ran for it.</param>
/// <param name="CacheHit">Whether the authorizer's answer came from the cache.</param>
/// <param name="IntegrationContext">The request context the backend got (volatile members removed), or null when it was not called.</param>
public sealed record RecordedExchange(
    int Ordinal, double AtSeconds, RecordedRequest Request, string Fingerprint, int Status, IReadOnlyDictionary<string, string> Headers,
    string Body, bool AuthorizerInvoked, bool CacheHit, string? IntegrationContext);
