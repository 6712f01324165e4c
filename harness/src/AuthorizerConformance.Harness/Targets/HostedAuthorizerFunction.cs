using AuthorizerConformance.Functions;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// A run-wide function host as one scenario's authorizer function: invocations go to the shared warm host, and the
/// function's log for them goes to the scenario's writer. The host starts on the first invocation.
/// </summary>
public sealed class HostedAuthorizerFunction(Lazy<IFunctionHost> host, TextWriter log) : IAuthorizerFunction
{
    /// <inheritdoc />
    public ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken) =>
        host.Value.InvokeAsync(eventJson, timeout, log, cancellationToken);
}
