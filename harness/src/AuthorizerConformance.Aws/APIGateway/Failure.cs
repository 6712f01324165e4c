namespace AuthorizerConformance.Aws.APIGateway;

/// <summary>One failed attempt: the HTTP status (null when no answer came), the error type, the service's message and
/// how long it asked us to wait.</summary>
internal sealed record Failure(int? Status, string Type, string Message, TimeSpan? RetryAfter)
{
    public string Describe() =>
        (Status is { } s ? $"{s} " : "") + Type + (RetryAfter is { } r ? $" (Retry-After {r.TotalSeconds:0.###} s)" : "");
}
