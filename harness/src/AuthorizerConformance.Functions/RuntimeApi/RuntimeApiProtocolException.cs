namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>A runtime's request broke HTTP or a bound of <see cref="RuntimeApiLimits"/>: answered (when it still can be) and the connection closed.</summary>
internal sealed class RuntimeApiProtocolException : Exception
{
    public RuntimeApiProtocolException() : base("malformed Runtime API request") { }

    public RuntimeApiProtocolException(string message) : base(message) { }

    public RuntimeApiProtocolException(string message, Exception inner) : base(message, inner) { }

    public RuntimeApiProtocolException(string message, RuntimeApiResponse? reply) : base(message) => Reply = reply;

    /// <summary>The answer to send before closing, or null when the connection is already gone.</summary>
    public RuntimeApiResponse? Reply { get; }

    /// <summary>The request whose body broke a rule (its method, path and headers), or null when its head did.</summary>
    public RuntimeApiRequest? Request { get; init; }
}
