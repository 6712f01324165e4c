namespace AuthorizerConformance.Harness.Foundation;

/// <summary>What the client saw, and how it came about (for assertions and failure explanations).</summary>
public sealed record ClientResponse
{
    /// <summary>HTTP status the client received (200 stands for "reached the integration").</summary>
    public required int Status { get; init; }

    /// <summary>Response body.</summary>
    public required string Body { get; init; }

    /// <summary>A stable code for why the request was refused, or null when it was allowed.</summary>
    public string? Failure { get; init; }

    /// <summary>The method ARN of the request.</summary>
    public required string MethodArn { get; init; }

    /// <summary>Whether the authorizer function was invoked.</summary>
    public bool AuthorizerInvoked { get; init; }

    /// <summary>The event JSON the authorizer received, or null.</summary>
    public string? AuthorizerEvent { get; init; }

    /// <summary>The authorizer's raw output (response JSON, or its function error), or null.</summary>
    public string? AuthorizerOutput { get; init; }

    /// <summary>The principal the backend receives, when the request was allowed.</summary>
    public string? PrincipalId { get; init; }

    /// <summary>The context the backend receives (<c>$context.authorizer.*</c>, values stringified), when allowed.</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = new Dictionary<string, string>();
}
