namespace AuthorizerConformance.Gateway;

/// <summary>What one invocation of an authorizer function produced. Switch on it exhaustively.</summary>
public abstract record AuthorizerInvocation
{
    private AuthorizerInvocation() { }

    /// <summary>The function returned; <paramref name="ResponseJson"/> is its raw result (possibly not valid JSON).</summary>
    public sealed record Returned(ReadOnlyMemory<byte> ResponseJson) : AuthorizerInvocation;

    /// <summary>The function failed; <paramref name="Message"/> is Lambda's <c>errorMessage</c>, <paramref name="Type"/> its <c>errorType</c>.</summary>
    public sealed record FunctionError(string Message, string Type) : AuthorizerInvocation;

    /// <summary>The function did not answer within the timeout.</summary>
    public sealed record TimedOut(TimeSpan Timeout) : AuthorizerInvocation;
}
