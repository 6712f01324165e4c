using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Targets.Deployed;
using AuthorizerConformance.Policy;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>What must come out: the status and why, the body and headers, the decision and the deciding statement,
/// whether and how the authorizer ran, what the backend receives, the cache. Every failure names what was compared
/// and puts what happened beside what the scenario expects (<see cref="Expect"/>).</summary>
[Binding]
public sealed class ExpectationSteps(Stage stage, Expect expect)
{
    [Then("the client gets {status}")]
    public void Status(HttpStatus status) =>
        expect.That(stage.Last.Status == status.Code, () => $"the client's status is {stage.Last.Status}{Why(stage.Last)}; the scenario expects {status.Code}");

    [Then("the client gets {status} because {word}")]
    public void StatusBecause(HttpStatus status, string failure)
    {
        Status(status);
        if (Stage.Target.CannotObserve(TargetObservation.GatewayDecision) is not null && DeployedStageTarget.ErrorTypeOf(failure) is { } shown)
        {
            // A deployed stage shows the gateway response, not the code: checked as far as the answer shows it.
            ShowsErrorType(shown, failure);
            return;
        }
        stage.Observe(TargetObservation.GatewayDecision);
        expect.Equal($"the failure code of the {stage.Last.Status}", failure, stage.Last.Failure);
    }

    [Then("the response body is:")]
    [Then("the response body is {string}")]
    public void Body(string body)
    {
        var actual = stage.Last.Body;
        if (TryJson(body, out var expected) && TryJson(actual, out var got))
        {
            var differences = JsonText.Differences(expected, got, exact: true);
            expect.That(differences.Count == 0, () => Listed("the response body differs from the scenario's:", differences));
        }
        else
        {
            expect.Equal("the response body", body, actual);
        }
    }

    [Then("the response header {string} is {string}")]
    public void Header(string name, string value)
    {
        var header = stage.Last.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        expect.That(header.Key is not null,
            () => $"the response has no header \"{name}\" (its headers: {string.Join(", ", stage.Last.Headers.Keys)}); the scenario expects \"{value}\"");
        expect.Equal($"the response header \"{name}\"", value, header.Value);
    }

    [Then("the response has no header {string}")]
    public void NoHeader(string name)
    {
        var header = stage.Last.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        expect.That(header.Key is null, () => $"the response header \"{header.Key}\" is {Expect.Quote(header.Value)}; the scenario expects no such header");
    }

    [Then("access is allowed")]
    public void Allowed()
    {
        var last = stage.Last;
        expect.That(last.Integration.Invoked && last.Failure is null,
            () => $"the client got {last.Status}{Why(last)} and the backend was {(last.Integration.Invoked ? "" : "not ")}reached; the scenario expects access allowed");
    }

    [Then("access is denied by an explicit deny")]
    public void ExplicitDeny() => Denied(PolicyDecision.ExplicitDeny);

    [Then("access is denied: no statement matches")]
    public void ImplicitDeny() => Denied(PolicyDecision.ImplicitDeny);

    [Then("the policy decision is {word}")]
    [Observes(TargetObservation.GatewayDecision)]
    public void Decision(string decision)
    {
        stage.Observe(TargetObservation.GatewayDecision);
        expect.Equal("the policy decision", decision, stage.Last.Decision?.ToString() ?? "none");
    }
    [Then("the resource policy decision is {word}")]
    [Observes(TargetObservation.GatewayDecision)]
    public void ResourcePolicyDecision(string decision)
    {
        stage.Observe(TargetObservation.GatewayDecision);
        expect.Equal("the resource policy decision", decision, stage.Last.ResourcePolicyDecision?.ToString() ?? "none");
    }
    [Then("the deciding statement is {string}")]
    [Then("the deciding statements are {string}")]
    [Observes(TargetObservation.GatewayDecision)]
    public void DecidingStatements(string statements)
    {
        stage.Observe(TargetObservation.GatewayDecision);
        var expected = string.Join(", ", Names(statements));
        var actual = string.Join(", ", stage.Last.DecidingStatements.Select(Name).Order(StringComparer.Ordinal));
        expect.That(expected == actual, () => $"the deciding statements are {Expect.Quote(actual)}; the scenario expects {Expect.Quote(expected)}");
    }

    [Then("the authorizer was invoked")]
    [Observes(TargetObservation.AuthorizerCalls)]
    public void Invoked()
    {
        stage.Observe(TargetObservation.AuthorizerCalls);
        expect.That(stage.Last.AuthorizerInvoked, () => $"the authorizer was not invoked for request {stage.Session.Results.Count}{Why(stage.Last)}; the scenario expects it invoked");
    }
    [Then("the authorizer was not invoked")]
    [Observes(TargetObservation.AuthorizerCalls)]
    public void NotInvoked()
    {
        stage.Observe(TargetObservation.AuthorizerCalls);
        expect.That(!stage.Last.AuthorizerInvoked, () => $"the authorizer was invoked for request {stage.Session.Results.Count}; the scenario expects it not invoked");
    }
    [Then("the authorizer was invoked {int} time(s) in all")]
    [Observes(TargetObservation.Cache)]
    public void InvokedTimes(int times)
    {
        stage.Observe(TargetObservation.Cache);
        expect.That(stage.Session.Calls.Count == times, () => $"the authorizer was invoked {stage.Session.Calls.Count} time(s) in all; the scenario expects {times}");
    }
    [Then("the result came from the cache")]
    [Observes(TargetObservation.Cache)]
    public void CacheHit()
    {
        stage.Observe(TargetObservation.Cache);
        expect.That(stage.Last.CacheHit, () => $"the result of request {stage.Session.Results.Count} did not come from the cache; the scenario expects a cache hit");
    }
    [Then("the result did not come from the cache")]
    [Observes(TargetObservation.Cache)]
    public void CacheMiss()
    {
        stage.Observe(TargetObservation.Cache);
        expect.That(!stage.Last.CacheHit, () => $"the result of request {stage.Session.Results.Count} came from the cache; the scenario expects no cache hit");
    }
    [Then("the method ARN is {string}")]
    [Observes(TargetObservation.GatewayDecision)]
    public void MethodArn(string arn)
    {
        stage.Observe(TargetObservation.GatewayDecision);
        expect.Equal("the method ARN", arn, stage.Last.MethodArn);
    }
    [Then("the authorizer received:")]
    [Observes(TargetObservation.AuthorizerEvent)]
    public void Received(string json)
    {
        stage.Observe(TargetObservation.AuthorizerEvent);
        var differences = JsonText.Differences(JsonText.Parse(Placeholders(json), "The expected event"), Event());
        expect.That(differences.Count == 0, () => Listed("the event the authorizer received differs from the scenario's:", differences));
    }

    [Then("the authorizer received {string} = {string}")]
    [Then("the authorizer received {string} as:")]
    [Observes(TargetObservation.AuthorizerEvent)]
    public void ReceivedValue(string path, string value)
    {
        stage.Observe(TargetObservation.AuthorizerEvent);
        var node = JsonText.At(Event(), path, out var found);
        expect.That(found, () => $"the authorizer's event has no \"{path}\"; the scenario expects {Expect.Quote(value)}");
        var expected = Placeholders(value);
        if (node is JsonValue v && v.TryGetValue<string>(out var text))
            expect.Equal($"the authorizer's event member \"{path}\"", expected, text);
        else // a number, object or array: compared as JSON, so a doc string may lay it out freely
            expect.That(TryJson(expected, out var json) ? JsonNode.DeepEquals(json, node) : expected == (node?.ToJsonString() ?? "null"),
                () => Expect.Is($"the authorizer's event member \"{path}\"", node?.ToJsonString() ?? "null", expected));
    }

    /// <summary>The token header reached the authorizer under test unchanged, where the event of its type carries it: a
    /// TOKEN event's <c>authorizationToken</c> (TOK-5), a REQUEST event's <c>headers</c> under the client's casing (REQ-5,
    /// HTTP-2). So one scenario judges a TOKEN and a REQUEST function alike.</summary>
    [Then("the authorizer received the token header {string}")]
    [Observes(TargetObservation.AuthorizerEvent)]
    public void ReceivedTokenHeader(string value)
    {
        stage.Observe(TargetObservation.AuthorizerEvent);
        var received = Event();
        if ((string?)received?["type"] == "TOKEN")
        {
            ReceivedValue("authorizationToken", value);
            return;
        }
        var name = stage.DefaultTokenHeader().Name;
        var headers = received?["headers"] as JsonObject ?? new JsonObject();
        var key = headers.Select(h => h.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        expect.That(key is not null, () => $"the authorizer's event has no header \"{name}\" in any casing (its headers: {List(headers.Select(h => h.Key))}); the scenario expects {Expect.Quote(value)}");
        ReceivedValue($"headers.{key}", value);
    }

    [Then("the authorizer's event has no {string}")]
    [Observes(TargetObservation.AuthorizerEvent)]
    public void EventLacks(string path)
    {
        stage.Observe(TargetObservation.AuthorizerEvent);
        var node = JsonText.At(Event(), path, out var found);
        expect.That(!found, () => $"the authorizer's event member \"{path}\" is {JsonText.Show(node)}; the scenario expects no such member");
    }

    [Then("the authorizer's event has exactly the members {string}")]
    [Observes(TargetObservation.AuthorizerEvent)]
    public void EventMembers(string members)
    {
        stage.Observe(TargetObservation.AuthorizerEvent);
        var expected = Names(members);
        var actual = ((JsonObject)Event()!).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        expect.That(expected.SequenceEqual(actual), () =>
            $"the authorizer's event has the members \"{string.Join(", ", actual)}\"; the scenario expects \"{string.Join(", ", expected)}\"" +
            $" (extra: {List(actual.Except(expected))}; missing: {List(expected.Except(actual))})");
    }

    [Then("the backend receives the context:")]
    [Observes(TargetObservation.BackendRequest)]
    public void BackendContext(DataTable expected)
    {
        stage.Observe(TargetObservation.BackendRequest);
        ArgumentNullException.ThrowIfNull(expected);
        var context = BackendContextObject();
        var differences = new List<string>();
        foreach (var row in expected.Rows)
        {
            var key = row["key"];
            if (!context.TryGetPropertyValue(key, out var actual))
                differences.Add($"the backend's context has no key \"{key}\" (its keys: {List(context.Select(kv => kv.Key))}); the scenario expects {Expect.Quote(row["value"])}");
            else if (actual is JsonValue v && v.TryGetValue<string>(out var text))
            {
                if (text != row["value"])
                    differences.Add(Expect.Is($"the backend's context key \"{key}\"", text, row["value"]));
            }
            else if (!JsonNode.DeepEquals(JsonText.Value(row["value"]), actual))
                differences.Add($"the backend's context key \"{key}\" is {JsonText.Show(actual)}; the scenario expects {row["value"]}");
        }
        expect.That(differences.Count == 0, () => string.Join(Environment.NewLine, differences));
    }

    [Then("the backend receives no context key {string}")]
    [Observes(TargetObservation.BackendRequest)]
    public void BackendLacks(string key)
    {
        stage.Observe(TargetObservation.BackendRequest);
        var context = BackendContextObject();
        expect.That(!context.ContainsKey(key), () => $"the backend's context key \"{key}\" is {JsonText.Show(context[key])}; the scenario expects no such key");
    }

    [Then("the backend receives the principal {string}")]
    [Observes(TargetObservation.BackendRequest)]
    public void BackendPrincipal(string principal)
    {
        stage.Observe(TargetObservation.BackendRequest);
        expect.Equal("the backend's principal", principal, Authorizer()["principalId"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
    }
    [Then("the backend receives the request context:")]
    [Observes(TargetObservation.BackendRequest)]
    public void BackendRequestContext(string json)
    {
        stage.Observe(TargetObservation.BackendRequest);
        var differences = JsonText.Differences(JsonText.Parse(json, "The expected request context"), RequestContext());
        expect.That(differences.Count == 0, () => Listed("the request context the backend received differs from the scenario's:", differences));
    }

    [Then("the backend is not reached")]
    public void NotReached() =>
        expect.That(!stage.Last.Integration.Invoked,
            () => $"the backend was reached by request {stage.Session.Results.Count} ({stage.Last.Status}); the scenario expects it not reached: a refused request must never reach it");

    [Then("the authorizer logged a line containing {string}")]
    [Observes(TargetObservation.AuthorizerLog)]
    public void Logged(string text)
    {
        stage.Observe(TargetObservation.AuthorizerLog);
        expect.That(stage.Session.AuthorizerLog.Contains(text, StringComparison.Ordinal),
            () => $"the authorizer's log has no line containing \"{text}\"; the scenario expects one. Its log:{Environment.NewLine}{stage.Session.AuthorizerLog.TrimEnd()}");
    }
    private void Denied(PolicyDecision decision)
    {
        var last = stage.Last;
        expect.That(last.Status == 403, () => $"the client's status is {last.Status}{Why(last)}; the scenario expects 403 ({decision})");
        NotReached();
        if (Stage.Target.CannotObserve(TargetObservation.GatewayDecision) is not null)
        {
            // A deployed stage shows a 403 AccessDeniedException, not which kind of deny it was.
            ShowsErrorType("AccessDeniedException", decision.ToString());
            return;
        }
        expect.Equal("the policy decision", decision.ToString(), last.Decision?.ToString());
    }

    private void ShowsErrorType(string errorType, string why)
    {
        var header = stage.Last.Headers.FirstOrDefault(h => string.Equals(h.Key, "x-amzn-ErrorType", StringComparison.OrdinalIgnoreCase)).Value;
        var actual = header?.Split(':')[0];
        expect.That(actual == errorType, () => $"the stage's x-amzn-ErrorType is {Expect.Quote(actual)}; the scenario expects {Expect.Quote(errorType)} ({why})");
    }

    private static string Why(GatewayResult result) =>
        result.Failure is null ? " (no failure)" : $" ({result.Failure}{(result.FailureDetail is null ? "" : ": " + result.FailureDetail)})";

    private static string Listed(string heading, IReadOnlyList<string> differences) =>
        string.Join(Environment.NewLine + "  ", [heading, .. differences]);

    private static string List(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";

    private JsonNode? Event()
    {
        var json = stage.Last.Event;
        expect.That(json is not null, () => $"the authorizer was not invoked for request {stage.Session.Results.Count}{Why(stage.Last)}, so it received no event; the scenario expects an event");
        return JsonNode.Parse(json);
    }

    private JsonObject RequestContext()
    {
        var json = stage.Last.Integration.RequestContext;
        expect.That(json is not null, () => $"the backend was not reached by request {stage.Session.Results.Count} (the client got {stage.Last.Status}{Why(stage.Last)}); the scenario expects what the backend receives");
        return JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("The backend's request context is not a JSON object.");
    }

    private JsonObject Authorizer()
    {
        var context = RequestContext();
        expect.That(context["authorizer"] is JsonObject, () => $"the backend's request context has no authorizer member: {context.ToJsonString()}");
        return (JsonObject)context["authorizer"]!;
    }

    private JsonObject BackendContextObject()
    {
        var authorizer = Authorizer();
        return authorizer["lambda"] as JsonObject ?? authorizer;
    }

    private string Placeholders(string text) =>
        text.Replace("${methodArn}", stage.Last.MethodArn ?? "", StringComparison.Ordinal)
            .Replace("${credentials}", stage.Token is null ? "" : stage.Credentials, StringComparison.Ordinal)
            .Replace("${token}", stage.Token is null ? "" : stage.TokenText, StringComparison.Ordinal);

    private static string Name(DecidingStatement s) => s.Sid ?? $"#{s.Index}";

    private static List<string> Names(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    private static bool TryJson(string text, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            node = null;
            return false;
        }
    }
}
