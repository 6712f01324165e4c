using System.Text;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Conformance;

/// <summary>Wraps an authorizer function and records every call (event and outcome) for assertions and explanations.</summary>
public sealed class RecordingAuthorizerFunction(string name, IAuthorizerFunction inner, List<AuthorizerCall> calls) : IAuthorizerFunction
{
    /// <inheritdoc />
    public async ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = await inner.InvokeAsync(eventJson, timeout, cancellationToken).ConfigureAwait(false);
        calls.Add(new AuthorizerCall(name, Encoding.UTF8.GetString(eventJson.Span), outcome));
        return outcome;
    }
}
