using System.Diagnostics;
using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Steps.DeployedTargets;

/// <summary>
/// The reference authorizer with its policy scoped to the incoming method ARN (the CAC-4 pitfall): while its first
/// result is cached, another method gets 403. Behind a stage with a short TTL it tells through the status alone whether
/// real time passed between two requests. It notes when it ran, for which method ARN.
/// </summary>
public sealed class MethodScopedFunction(IAuthorizerFunction inner) : IAuthorizerFunction
{
    private readonly List<(string MethodArn, TimeSpan At)> _invocations = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Every invocation so far: the event's method ARN and when it came, from the function's creation.</summary>
    public IReadOnlyList<(string MethodArn, TimeSpan At)> Invocations
    {
        get
        {
            lock (_invocations)
                return [.. _invocations];
        }
    }

    /// <inheritdoc />
    public async ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var methodArn = (string?)JsonNode.Parse(eventJson.Span)?["methodArn"] ?? "";
        lock (_invocations)
            _invocations.Add((methodArn, _clock.Elapsed));
        var answer = await inner.InvokeAsync(eventJson, timeout, cancellationToken).ConfigureAwait(false);
        if (answer is not AuthorizerInvocation.Returned returned || JsonNode.Parse(returned.ResponseJson.Span) is not JsonObject output
            || output["policyDocument"]?["Statement"] is not JsonArray statements)
            return answer;
        foreach (var statement in statements.OfType<JsonObject>())
            statement["Resource"] = methodArn;
        return new AuthorizerInvocation.Returned(System.Text.Encoding.UTF8.GetBytes(output.ToJsonString()));
    }
}
