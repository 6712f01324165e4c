using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Tokens;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Expectations that depend on the contract of the authorizer under test: the context its profile promises, how a
/// refusal may look for its type, and that its log never holds the token or the secret.
/// </summary>
[Binding]
public sealed class ContractSteps(Stage stage, Expect expect)
{
    /// <summary>Every string, number and boolean claim of the token the profile's <c>context</c> promises reaches the
    /// backend (REST: as text; HTTP payload 2.0: typed).</summary>
    [Then("the backend receives the context the authorizer under test promises")]
    [Observes(TargetObservation.BackendRequest)]
    public void PromisedContext()
    {
        Stage.Require(Stage.Profile.Context.PromisesClaims, "its context is \"none\".");
        stage.Observe(TargetObservation.BackendRequest);
        var context = BackendContext();
        var claims = stage.Token?.Claims ?? throw new InvalidOperationException("The scenario has no token: add a 'Given a valid token' step.");
        var missing = new List<string>();
        foreach (var (name, value) in claims)
        {
            if (name == "principalId" || value is not JsonValue v || v.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                || !Stage.Profile.Context.Promises(name))
                continue;
            var actual = context[name];
            var expectedText = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
            var same = actual is JsonValue a && (a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() == expectedText : JsonNode.DeepEquals(a, v));
            if (!same)
                missing.Add($"{name}: expected {expectedText}, got {(context.ContainsKey(name) ? actual?.ToJsonString() ?? "null" : "nothing")}");
        }
        expect.That(missing.Count == 0, () => $"the backend's context lacks claims the profile promises ({Stage.Profile.Context}):{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", missing));
    }

    /// <summary>UNA-1: a REST authorizer refuses a bad token with Unauthorized (401); an HTTP API simple-response
    /// authorizer may also answer <c>isAuthorized: false</c> (403). Either way the backend is not reached.</summary>
    [Then("the token is refused")]
    public void Refused()
    {
        var last = stage.Last;
        if (Stage.Target.CannotObserve(TargetObservation.GatewayDecision) is not null)
        {
            // A deployed stage shows the status only: its 401 (the authorizer's Unauthorized, GWR-3's UnauthorizedException).
            expect.That(last.Status == 401, () => $"the client's status is {last.Status}; the scenario expects 401 (the token refused)");
            expect.That(!last.Integration.Invoked, () => "the backend was reached; a refused request must never reach it");
            return;
        }
        var simple = stage.Session.Authorizers[Stage.DefaultAuthorizer]?["enableSimpleResponses"]?.GetValue<bool>() == true;
        var ok = (last.Status, last.Failure) == (401, "authorizer-unauthorized") || (simple && (last.Status, last.Failure) == (403, "simple-response-denied"));
        expect.That(ok, () => $"the client's status is {last.Status} (failure {last.Failure ?? "none"}: {last.FailureDetail ?? "-"}); the scenario expects " +
            $"401 because authorizer-unauthorized{(simple ? ", or 403 because simple-response-denied" : "")}");
        expect.That(!last.Integration.Invoked, () => "the backend was reached; a refused request must never reach it");
    }

    [Then("the authorizer's log holds neither the token nor the secret")]
    [Observes(TargetObservation.AuthorizerLog)]
    public void NoLeak()
    {
        stage.Observe(TargetObservation.AuthorizerLog);
        expect.That(stage.Session.Calls.Count > 0, () => "the authorizer was never invoked, so its log proves nothing");
        var leaks = LogLeaks.Find(stage.Session.AuthorizerLog, stage.Token is null ? null : stage.TokenText, SuiteKeys.Keys.Secrets);
        expect.That(leaks.Count == 0, () => $"the authorizer under test logged {string.Join(" and ", leaks)}; the scenario expects neither (never log a token or a secret)");
    }

    /// <summary>CTX-2, CTX-3, OUT-7: the answer's principalId, context and usageIdentifierKey reach the backend, the usage
    /// plan and the logs, and its error message the execution log, so none may hold the token or a secret.</summary>
    [Then("the authorizer's answer holds neither the token nor the secret")]
    public void NoLeakInAnswer()
    {
        expect.That(stage.Session.Calls.Count > 0, () => "the authorizer was never invoked, so its answer proves nothing");
        var leaks = AnswerLeaks.Find(stage);
        expect.That(leaks.Count == 0, () => $"the authorizer under test answered with {string.Join(" and ", leaks)}; the scenario expects neither " +
            "(never hand a token or a secret on as the principal, in the context or as the usageIdentifierKey)");
    }

    private JsonObject BackendContext()
    {
        var requestContext = stage.Last.Integration.RequestContext ?? throw new InvalidOperationException(
            $"The backend was not reached (the client got {stage.Last.Status}, failure {stage.Last.Failure ?? "none"}).");
        var authorizer = JsonNode.Parse(requestContext)?["authorizer"] as JsonObject
            ?? throw new InvalidOperationException("The backend's request context has no authorizer.");
        return authorizer["lambda"] as JsonObject ?? authorizer;
    }
}
