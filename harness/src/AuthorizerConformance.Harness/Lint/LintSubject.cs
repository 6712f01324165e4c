namespace AuthorizerConformance.Harness.Lint;

/// <summary>An authorizer output to lint, with what is known of the call that produced it.</summary>
/// <param name="Output">The function's raw result, as returned.</param>
public sealed record LintSubject(ReadOnlyMemory<byte> Output)
{
    /// <summary>The methodArn of the event that produced it, when known (AZL001 compares the policy with it).</summary>
    public string? MethodArn { get; init; }

    /// <summary>The authorizer's result TTL; API Gateway's default is 300 s (TOK-3, CAC-1) and 0 turns caching off.</summary>
    public int CacheTtlSeconds { get; init; } = 300;

    /// <summary>Credentials the function was handed (the token, identity-source values): none may reappear as the principal.</summary>
    public IReadOnlyCollection<string> Credentials { get; init; } = [];

    /// <summary>True for HTTP API outputs, whose context values may be any JSON (HTTP-6).</summary>
    public bool ContextMayHoldJson { get; init; }
}
