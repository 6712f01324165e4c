namespace AuthorizerConformance.Harness.Foundation;

/// <summary>The REST API under test: where it lives and which header its TOKEN authorizer reads.</summary>
public sealed record RestApiSettings
{
    public string Partition { get; init; } = "aws";
    public string Region { get; init; } = "us-east-1";
    public string AccountId { get; init; } = "123456789012";
    public string ApiId { get; init; } = "abcdef123";
    public string Stage { get; init; } = "prod";

    /// <summary>The TOKEN authorizer's identity source header (TOK-1).</summary>
    public string TokenHeader { get; init; } = "Authorization";

    /// <summary>ARN-1..3: the method ARN of the actual path; the root path gives <c>…/GET/</c>.</summary>
    public string MethodArn(string method, string path) =>
        $"arn:{Partition}:execute-api:{Region}:{AccountId}:{ApiId}/{Stage}/{method}/{path.TrimStart('/')}";
}
