namespace AuthorizerConformance.Authorizer;

/// <summary>
/// The constructors every handler shares. The parameterless one is what the Lambda runtime calls (real
/// environment, real clock, Console.Error as the log); the others let tests and the harness inject the
/// environment, the clock, the HTTP handler used to fetch JWKS/OIDC documents and the log writer.
/// </summary>
public abstract class AuthorizerFunctionBase : IDisposable
{
    /// <summary>Used by the Lambda runtime: real environment, real clock.</summary>
    protected AuthorizerFunctionBase() : this(Environment.GetEnvironmentVariable, TimeProvider.System) { }

    /// <summary>Injected environment and clock.</summary>
    protected AuthorizerFunctionBase(Func<string, string?> environment, TimeProvider timeProvider)
        : this(environment, timeProvider, null, null) { }

    /// <summary>Also injects the HTTP handler for JWKS/OIDC fetches (null: the network) and the log (null: Console.Error).</summary>
    protected AuthorizerFunctionBase(Func<string, string?> environment, TimeProvider timeProvider, HttpMessageHandler? httpHandler, TextWriter? log) =>
        Host = new AuthorizerHost(environment, timeProvider, httpHandler, log);

    internal AuthorizerHost Host { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Host.Dispose();
    }

    /// <summary>A handler wired to the wrong kind of API is a deployment mistake (500), not a bad token.</summary>
    private protected static AuthorizerConfigurationException WrongEvent(string handler, string expected, string? got) =>
        new($"Authorizer misconfigured: {handler} handles {expected} events but received type '{got ?? "(none)"}'; wire the handler that matches the API.");
}
