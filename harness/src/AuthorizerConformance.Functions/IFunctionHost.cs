using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions;

/// <summary>
/// A started authorizer function (a warm process pool behind the Lambda Runtime API, or a .NET handler loaded in
/// process), shared by every scenario of a run. Each invocation's log (the function's stdout/stderr) goes to the
/// writer of the scenario that invoked it.
/// </summary>
public interface IFunctionHost : IAsyncDisposable
{
    /// <summary>The profile's function string it was started from (e.g. <c>node:auth.mjs#handler</c>).</summary>
    string Function { get; }

    /// <summary>
    /// Invokes the function once with <paramref name="eventJson"/>. Every fault of the function is an
    /// <see cref="AuthorizerInvocation"/> (a function error or a timeout), never an exception and never a hang.
    /// </summary>
    ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken);
}
