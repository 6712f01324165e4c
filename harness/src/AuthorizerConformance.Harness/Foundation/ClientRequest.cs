namespace AuthorizerConformance.Harness.Foundation;

/// <summary>A client's HTTP request to the API under test. Header names are matched case-insensitively.</summary>
public sealed record ClientRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);
