using System.Text;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
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
            Assert.Skip(reason + (Stage.Target.Capabilities.Contains(TargetCapability.AuthorizerSettings) ? "" : Why(needs)));
    }

    /// <summary>The verdict always includes that the authorizer under test never logs the token or the secret.</summary>
    [AfterScenario(Order = 0)]
    public void NeverLogsSecrets()
    {
        if (scenario.TestError is not null || stage.Session.Calls.Count == 0)
            return;
        var leaks = LogLeaks.Find(stage.Session.AuthorizerLog, stage.Token is null ? null : stage.TokenText, SuiteKeys.Keys.Secrets);
        if (leaks.Count > 0)
            Assert.Fail($"The authorizer under test logged {string.Join(" and ", leaks)}: a function must never log a token or a secret.");
    }

    /// <summary>Stops the warm function processes of the run.</summary>
    [AfterTestRun]
    public static async Task StopTheFunction()
    {
        if (Stage.TargetSelected && Stage.Target is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }

    [AfterScenario(Order = 1)]
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

    private static string Why(List<string> needs) =>
        needs.Contains(TargetCapability.AuthorizerSettings) ? " It configures the reference authorizer's own settings (AUTH_*), which a profile's function does not have."
        : needs.Contains(TargetCapability.ControlledClock) ? " It moves the authorizer's clock, and a function in its own process reads the real clock."
        : "";

    private string Redact(string text)
    {
        text = SecretRedactor.Redact(text);
        if (stage.Token is not null)
            text = Redaction.Scrub(text, stage.TokenText);
        return text.Replace(SuiteKeys.Ring.Secret, "[redacted secret]", StringComparison.Ordinal);
    }

    private static string Describe(AuthorizerInvocation outcome) => outcome switch
    {
        AuthorizerInvocation.Returned r => Encoding.UTF8.GetString(r.ResponseJson.Span),
        AuthorizerInvocation.FunctionError e => $"function error {e.Type}: {e.Message}",
        AuthorizerInvocation.TimedOut t => $"no answer within {t.Timeout.TotalSeconds} s",
        _ => outcome.GetType().Name,
    };
}
