using System.Text;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Tokens;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Scenario hooks: a scenario that needs a capability the selected target lacks is skipped with the reason; a failed
/// scenario explains itself (requests, events, raw outputs, decisions, cache) with tokens and secrets redacted.
/// </summary>
[Binding]
public sealed class Hooks(Stage stage, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    [BeforeScenario(Order = 0)]
    public void SkipWhenTheTargetCannot()
    {
        var needs = scenario.ScenarioInfo.CombinedTags.Where(t => t.StartsWith("needs:", StringComparison.Ordinal)).Select(t => t["needs:".Length..]).ToList();
        var unknown = needs.Where(n => !TargetCapability.All.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Unknown capability tag(s) @needs:{string.Join(", @needs:", unknown)}; known: {string.Join(", ", TargetCapability.All)}.");
        if (ConformanceTargets.SkipReason(Stage.Target, needs) is { } reason)
            Assert.Skip(reason);
    }

    [AfterScenario]
    public void ExplainFailure()
    {
        if (scenario.TestError is null || (stage.Session.Results.Count == 0 && stage.Session.Calls.Count == 0))
            return;
        var text = new StringBuilder($"What happened (target '{stage.Session.Target.Name}'):").AppendLine();
        text.AppendLine($"  API set-up: {stage.Session.DocumentText()}");
        foreach (var (result, i) in stage.Session.Results.Select((r, i) => (r, i + 1)))
        {
            text.AppendLine($"  request {i}: {result.Status} failure={result.Failure ?? "none"} ({result.FailureDetail ?? "-"})")
                .AppendLine($"    method ARN {result.MethodArn ?? "-"}; authorizer invoked {result.AuthorizerInvoked}; cache hit {result.CacheHit}")
                .AppendLine($"    decision {result.Decision?.ToString() ?? "-"} by [{string.Join(", ", result.DecidingStatements.Select(s => s.Sid ?? $"#{s.Index}"))}]; resource policy {result.ResourcePolicyDecision?.ToString() ?? "-"}")
                .AppendLine($"    response headers {string.Join(", ", result.Headers.Select(h => $"{h.Key}: {h.Value}"))}; body {result.Body}")
                .AppendLine($"    backend request context {result.Integration.RequestContext ?? "(not reached)"}");
        }
        foreach (var call in stage.Session.Calls)
        {
            text.AppendLine($"  authorizer {call.Authorizer} received {call.Event}")
                .AppendLine($"    and produced {Describe(call.Outcome)}");
        }
        if (stage.Session.AuthorizerLog.Length > 0)
            text.AppendLine("  authorizer log: " + stage.Session.AuthorizerLog.Trim());
        output.WriteLine(Redact(text.ToString()));
    }

    /// <summary>The one redaction routine, told every secret this scenario saw or made (tokens, identity values, keys).</summary>
    private string Redact(string text) => Redaction.Redact(text,
    [
        .. stage.Session.Results.SelectMany(r => r.IdentityValues),
        .. stage.Session.AuthorizerEnvironment.Values,
        SuiteKeys.Ring.Secret,
        .. stage.Token is null ? [] : new[] { stage.TokenText },
    ]);

    private static string Describe(AuthorizerInvocation outcome) => outcome switch
    {
        AuthorizerInvocation.Returned r => Encoding.UTF8.GetString(r.ResponseJson.Span),
        AuthorizerInvocation.FunctionError e => $"function error {e.Type}: {e.Message}",
        AuthorizerInvocation.TimedOut t => $"no answer within {t.Timeout.TotalSeconds} s",
        _ => outcome.GetType().Name,
    };
}
