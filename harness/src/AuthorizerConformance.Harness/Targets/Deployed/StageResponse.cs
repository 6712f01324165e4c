namespace AuthorizerConformance.Harness.Targets.Deployed;

/// <summary>What a stage answered one request: status, headers in order (names as sent), body.</summary>
public sealed record StageResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body);
