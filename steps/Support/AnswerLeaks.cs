using System.Text;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Conformance;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// What of the scenario's token and the run's secrets the authorizer under test handed on in its answers: its results
/// (principalId, context, usageIdentifierKey reach the backend, the usage plan as <c>$context.identity.apiKey</c> and
/// the access logs — CTX-2, CTX-3, OUT-7) and its error messages (API Gateway's execution log). A scripted function's
/// canned answers are the scenario's own and are not looked at. Found with the one leak finder of the log check.
/// </summary>
public static class AnswerLeaks
{
    /// <summary>The leaks in the answers of the authorizer under test, in words (never the leaked text).</summary>
    public static IReadOnlyList<string> Find(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var answers = new StringBuilder();
        foreach (var call in stage.Session.Calls.Where(c => IsTarget(stage, c)))
        {
            answers.AppendLine(call.Outcome switch
            {
                AuthorizerInvocation.Returned returned => Encoding.UTF8.GetString(returned.ResponseJson.Span),
                AuthorizerInvocation.FunctionError error => error.Message,
                AuthorizerInvocation.TimedOut => "",
                _ => throw new InvalidOperationException($"Unknown invocation outcome {call.Outcome.GetType().Name}."),
            });
        }
        return LogLeaks.Find(answers.ToString(), stage.Token is null ? null : stage.TokenText, SuiteKeys.Keys.Secrets);
    }

    private static bool IsTarget(Stage stage, AuthorizerCall call) =>
        stage.Session.Authorizers[call.Authorizer]?["function"]?["kind"]?.GetValue<string>() == StageSession.TargetKind;
}
