using System.Text;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>When a scenario fails, the test output explains what happened, with tokens and secrets redacted.</summary>
[Binding]
public sealed class Hooks(ScenarioState state, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    [AfterScenario]
    public void ExplainFailure()
    {
        if (scenario.TestError is null)
            return;
        var text = new StringBuilder("What happened:").AppendLine();
        if (state.Response is { } r)
        {
            text.AppendLine($"  method ARN:         {r.MethodArn}")
                .AppendLine($"  client got:         {r.Status} {r.Body} (failure: {r.Failure ?? "none"})")
                .AppendLine($"  authorizer invoked: {r.AuthorizerInvoked}")
                .AppendLine($"  authorizer event:   {r.AuthorizerEvent ?? "-"}")
                .AppendLine($"  authorizer output:  {r.AuthorizerOutput ?? "-"}")
                .AppendLine($"  principal, context: {r.PrincipalId ?? "-"}, {string.Join(", ", r.Context.Select(kv => $"{kv.Key}={kv.Value}"))}");
        }
        if (state.DirectInvocation is { } d)
        {
            text.AppendLine($"  direct event:       {state.DirectEvent}")
                .AppendLine($"  direct outcome:     {Describe(d)}");
        }
        output.WriteLine(Redact.Secrets(text.ToString(), state.Token));
    }

    private static string Describe(AuthorizerInvocation invocation) => invocation switch
    {
        AuthorizerInvocation.Returned r => Encoding.UTF8.GetString(r.ResponseJson.Span),
        AuthorizerInvocation.FunctionError e => $"function error {e.Type}: {e.Message}",
        AuthorizerInvocation.TimedOut t => $"timed out after {t.Timeout}",
        _ => invocation.GetType().Name,
    };
}
