namespace AuthorizerConformance.Harness.Recording;

/// <summary>What a scenario sent, redacted: a token is <c>[REDACTED]</c> whole (or keeps only its header and payload).</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyList<RecordedHeader> Headers, string? Body, string SourceIp);
