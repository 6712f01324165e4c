namespace AuthorizerConformance.Gateway;

/// <summary>
/// The port for the thing under test: a Lambda authorizer function, called the way the Lambda service calls it.
/// Event JSON goes in; response JSON, a function error or a timeout comes out. Adapters (in-process .NET,
/// a process, a scripted function, a deployed stage) translate their quirks into <see cref="AuthorizerInvocation"/>.
/// </summary>
public interface IAuthorizerFunction
{
    /// <summary>Invokes the function once with <paramref name="eventJson"/>; it must answer within <paramref name="timeout"/>.</summary>
    ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken);
}
