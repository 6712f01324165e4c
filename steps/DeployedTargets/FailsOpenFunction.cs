using System.Text;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Steps.DeployedTargets;

/// <summary>
/// A broken authorizer for the red runs: the reference authorizer, except that where it refuses a token
/// (<c>Unauthorized</c>) it allows everything instead — the classic fail-open bug. The suite must catch it through a
/// deployed target exactly as it does in process.
/// </summary>
public sealed class FailsOpenFunction(IAuthorizerFunction inner) : IAuthorizerFunction
{
    private static readonly byte[] AllowAll = Encoding.UTF8.GetBytes(
        """{"principalId":"anonymous","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}]}}""");

    /// <inheritdoc />
    public async ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = await inner.InvokeAsync(eventJson, timeout, cancellationToken).ConfigureAwait(false);
        return answer is AuthorizerInvocation.FunctionError { Message: "Unauthorized" } ? new AuthorizerInvocation.Returned(AllowAll) : answer;
    }
}
