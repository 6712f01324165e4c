using System.Text;
using System.Text.Json;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// A scripted authorizer for gateway rules: canned outcomes used in order, one per invocation, the last one
/// repeating. Returned JSON has <c>${methodArn}</c> and <c>${routeArn}</c> replaced by the ARN of the incoming
/// event. A timeout is reported at once (no waiting). Every event received is recorded.
/// </summary>
public sealed class ScriptedAuthorizerFunction : IAuthorizerFunction
{
    private readonly IReadOnlyList<ScriptedOutcome> _outcomes;
    private readonly List<string> _events = [];

    public ScriptedAuthorizerFunction(IReadOnlyList<ScriptedOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
            throw new ArgumentException("A scripted function needs at least one outcome.", nameof(outcomes));
        _outcomes = outcomes;
    }

    /// <summary>The events received, in order, as JSON text.</summary>
    public IReadOnlyList<string> ReceivedEvents => _events;

    /// <inheritdoc />
    public ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = Encoding.UTF8.GetString(eventJson.Span);
        var outcome = _outcomes[Math.Min(_events.Count, _outcomes.Count - 1)];
        _events.Add(text);
        AuthorizerInvocation result = outcome switch
        {
            ScriptedOutcome.Return r => new AuthorizerInvocation.Returned(Encoding.UTF8.GetBytes(Substitute(r.Json, eventJson))),
            ScriptedOutcome.Error e => new AuthorizerInvocation.FunctionError(e.Message, e.Type),
            ScriptedOutcome.Timeout => new AuthorizerInvocation.TimedOut(timeout),
            _ => throw new InvalidOperationException($"Unknown scripted outcome {outcome}."),
        };
        return ValueTask.FromResult(result);
    }

    /// <summary>Replaces the placeholders with the JSON-escaped ARN of the event (<c>methodArn</c> or <c>routeArn</c>).</summary>
    private static string Substitute(string json, ReadOnlyMemory<byte> eventJson)
    {
        if (!json.Contains("${", StringComparison.Ordinal))
            return json;
        var arn = IncomingArn(eventJson);
        if (arn is null)
            return json;
        var escaped = JsonEncodedText.Encode(arn).ToString();
        return json.Replace("${methodArn}", escaped, StringComparison.Ordinal).Replace("${routeArn}", escaped, StringComparison.Ordinal);
    }

    private static string? IncomingArn(ReadOnlyMemory<byte> eventJson)
    {
        using var document = JsonDocument.Parse(eventJson);
        var root = document.RootElement;
        if (root.TryGetProperty("methodArn", out var m) && m.ValueKind == JsonValueKind.String)
            return m.GetString();
        if (root.TryGetProperty("routeArn", out var r) && r.ValueKind == JsonValueKind.String)
            return r.GetString();
        return null;
    }
}
