namespace AuthorizerConformance.Harness.Inputs;

/// <summary>
/// The size bounds of every input the harness and the CLI read, in one place (STYLE 20; docs/limits.md explains each
/// and cites its source). A larger input is refused with a clear error before it is read past the bound.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// <c>--policy</c> files, and one policy inside a <c>--jsonl</c> line. An authorizer's policy travels inside its
    /// Lambda response, at most 6 MB (synchronous invocation payload quota); real policies are a few KB.
    /// </summary>
    public const int PolicyFileBytes = 1 << 20;

    /// <summary><c>--claims</c> files: a token's payload; API Gateway caps the request headers that carry it far lower.</summary>
    public const int ClaimsFileBytes = 1 << 20;

    /// <summary><c>--key</c> PEM files: an RSA 8192-bit private key is under 7 KB.</summary>
    public const int KeyFileBytes = 64 << 10;

    /// <summary>One <c>--jsonl</c> line (from stdin or <c>--input</c>); the stream itself is read line by line, unbounded in count.</summary>
    public const int JsonLineBytes = 8 << 20;

    /// <summary><c>authz invoke --event</c>: the Lambda synchronous invocation request payload quota, 6 MB.</summary>
    public const int EventBytes = 6 * 1024 * 1024;

    /// <summary><c>authz simulate</c> scenario files (a scenario holds many requests and functions' outputs).</summary>
    public const int ScenarioFileBytes = 16 << 20;

    /// <summary>
    /// <c>authz policy evaluate --resource</c> and a <c>--jsonl</c> line's <c>resource</c>, in UTF-8 bytes: API Gateway
    /// answers 414 to a request whose method ARN is over 1600 bytes before any policy is evaluated (ARN-4), so no longer
    /// resource ever reaches an authorizer's policy.
    /// </summary>
    public const int ResourceArnBytes = 1600;

    /// <summary>Nesting depth of every JSON input we read (System.Text.Json's default is 64 too).</summary>
    public const int JsonDepth = 64;
}
