using System.Text;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// "What happened" in a scenario, for the person reading its failure: the API set-up, every request with its status,
/// failure code, method ARN, cache hit, decision and deciding statements, what the backend received, the event each
/// authorizer received and what it produced, and the authorizer's log. Not redacted: callers pass it through
/// <see cref="OutputRedaction.Redact"/>.
/// </summary>
public static class Explanation
{
    /// <summary>Whether the scenario did anything to explain (sent a request or called an authorizer).</summary>
    public static bool HasAny(StageSession session) => session is not null && (session.Results.Count > 0 || session.Calls.Count > 0);

    /// <summary>The explanation as plain text, two-space indented under its heading.</summary>
    public static string WhatHappened(StageSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = new StringBuilder($"What happened (target '{session.Target.Name}'):").AppendLine();
        text.AppendLine($"  API set-up: {session.DocumentText()}");
        foreach (var (result, i) in session.Results.Select((r, i) => (r, i + 1)))
        {
            text.AppendLine($"  request {i}: {result.Status} failure={result.Failure ?? "none"} ({result.FailureDetail ?? "-"})")
                .AppendLine($"    method ARN {result.MethodArn ?? "-"}; authorizer invoked {result.AuthorizerInvoked}; cache hit {result.CacheHit}")
                .AppendLine($"    decision {result.Decision?.ToString() ?? "-"} by [{string.Join(", ", result.DecidingStatements.Select(s => s.Sid ?? $"#{s.Index}"))}]; resource policy {result.ResourcePolicyDecision?.ToString() ?? "-"}")
                .AppendLine($"    response headers {string.Join(", ", result.Headers.Select(h => $"{h.Key}: {h.Value}"))}; body {result.Body}")
                .AppendLine($"    backend request context {result.Integration.RequestContext ?? "(not reached)"}");
        }
        foreach (var call in session.Calls)
        {
            text.AppendLine($"  authorizer {call.Authorizer} received {call.Event}")
                .AppendLine($"    and produced {Describe(call.Outcome)}");
        }
        if (session.AuthorizerLog.Length > 0)
            text.AppendLine("  authorizer log: " + session.AuthorizerLog.Trim());
        return text.ToString().TrimEnd();
    }

    private static string Describe(AuthorizerInvocation outcome) => outcome switch
    {
        AuthorizerInvocation.Returned r => Encoding.UTF8.GetString(r.ResponseJson.Span),
        AuthorizerInvocation.FunctionError e => $"function error {e.Type}: {e.Message}",
        AuthorizerInvocation.TimedOut t => $"no answer within {t.Timeout.TotalSeconds} s",
        _ => outcome.GetType().Name,
    };
}
