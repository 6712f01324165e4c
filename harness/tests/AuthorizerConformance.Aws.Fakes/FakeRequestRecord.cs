namespace AuthorizerConformance.Aws.Fakes;

/// <summary>One request the fake received: when (fake's clock), what, whether its SigV4 signature verified, and
/// how it was answered. Never a header value or body.</summary>
public sealed record FakeRequestRecord(DateTimeOffset ArrivedAt, string Method, string Path, bool SignatureValid, int Status, string? ErrorType);
