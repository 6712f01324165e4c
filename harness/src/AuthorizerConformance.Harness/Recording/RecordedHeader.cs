namespace AuthorizerConformance.Harness.Recording;

/// <summary>One header of a recorded request, value redacted.</summary>
public sealed record RecordedHeader(string Name, string Value);
