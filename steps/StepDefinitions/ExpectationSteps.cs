using System.Text.Json.Nodes;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Policy;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>What must come out: the status and why, the body and headers, the decision and the deciding statement,
/// whether and how the authorizer ran, what the backend receives, the cache.</summary>
[Binding]
public sealed class ExpectationSteps(Stage stage)
{
    [Then("the client gets {status}")]
    public void Status(HttpStatus status) =>
        Assert.True(stage.Last.Status == status.Code, $"Expected {status.Code}, got {stage.Last.Status} (failure: {stage.Last.Failure ?? "none"}).");

    [Then("the client gets {status} because {word}")]
    public void StatusBecause(HttpStatus status, string failure)
    {
        Status(status);
        Assert.Equal(failure, stage.Last.Failure);
    }

    [Then("the response body is:")]
    [Then("the response body is {string}")]
    public void Body(string body)
    {
        var actual = stage.Last.Body;
        if (TryJson(body, out var expected) && TryJson(actual, out var got))
            Assert.True(JsonNode.DeepEquals(expected, got), $"Expected body {body}{Environment.NewLine}but got      {actual}");
        else
            Assert.Equal(body, actual);
    }

    [Then("the response header {string} is {string}")]
    public void Header(string name, string value)
    {
        var header = stage.Last.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        Assert.True(header.Key is not null, $"No header '{name}'. Headers: {string.Join(", ", stage.Last.Headers.Keys)}");
        Assert.Equal(value, header.Value);
    }

    [Then("the response has no header {string}")]
    public void NoHeader(string name) =>
        Assert.DoesNotContain(stage.Last.Headers.Keys, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    [Then("access is allowed")]
    public void Allowed()
    {
        var last = stage.Last;
        Assert.True(last.Integration.Invoked && last.Failure is null,
            $"Expected the request to reach the backend, but the client got {last.Status} (failure: {last.Failure ?? "none"}; {last.FailureDetail}).");
    }

    [Then("access is denied by an explicit deny")]
    public void ExplicitDeny() => Denied(PolicyDecision.ExplicitDeny);

    [Then("access is denied: no statement matches")]
    public void ImplicitDeny() => Denied(PolicyDecision.ImplicitDeny);

    [Then("the policy decision is {word}")]
    public void Decision(string decision) => Assert.Equal(decision, stage.Last.Decision?.ToString() ?? "none");

    [Then("the resource policy decision is {word}")]
    public void ResourcePolicyDecision(string decision) => Assert.Equal(decision, stage.Last.ResourcePolicyDecision?.ToString() ?? "none");

    [Then("the deciding statement is {string}")]
    [Then("the deciding statements are {string}")]
    public void DecidingStatements(string statements) =>
        Assert.Equal(Names(statements), stage.Last.DecidingStatements.Select(Name).Order(StringComparer.Ordinal));

    [Then("the authorizer was invoked")]
    public void Invoked() => Assert.True(stage.Last.AuthorizerInvoked, "The authorizer was not invoked for the last request.");

    [Then("the authorizer was not invoked")]
    public void NotInvoked() => Assert.False(stage.Last.AuthorizerInvoked, "The authorizer was invoked for the last request, but must not be.");

    [Then("the authorizer was invoked {int} time(s) in all")]
    public void InvokedTimes(int times) => Assert.Equal(times, stage.Session.Calls.Count);

    [Then("the result came from the cache")]
    public void CacheHit() => Assert.True(stage.Last.CacheHit, "The last result did not come from the authorizer result cache.");

    [Then("the result did not come from the cache")]
    public void CacheMiss() => Assert.False(stage.Last.CacheHit, "The last result came from the authorizer result cache.");

    [Then("the method ARN is {string}")]
    public void MethodArn(string arn) => Assert.Equal(arn, stage.Last.MethodArn);

    [Then("the authorizer received:")]
    public void Received(string json)
    {
        var differences = JsonText.Differences(JsonText.Parse(Placeholders(json), "The expected event"), Event());
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Then("the authorizer received {string} = {string}")]
    public void ReceivedValue(string path, string value)
    {
        var node = JsonText.At(Event(), path, out var found);
        Assert.True(found, $"The event has no '{path}'.");
        Assert.Equal(Placeholders(value), node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null");
    }

    [Then("the authorizer's event has no {string}")]
    public void EventLacks(string path)
    {
        JsonText.At(Event(), path, out var found);
        Assert.False(found, $"The event has '{path}', but must not.");
    }

    [Then("the authorizer's event has exactly the members {string}")]
    public void EventMembers(string members) =>
        Assert.Equal(Names(members), ((JsonObject)Event()!).Select(kv => kv.Key).Order(StringComparer.Ordinal));

    [Then("the backend receives the context:")]
    public void BackendContext(DataTable expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var authorizer = Authorizer();
        var context = authorizer["lambda"] as JsonObject ?? authorizer;
        foreach (var row in expected.Rows)
        {
            Assert.True(context.ContainsKey(row["key"]), $"The backend's authorizer context has no '{row["key"]}': {context.ToJsonString()}");
            var actual = context[row["key"]];
            if (actual is JsonValue v && v.TryGetValue<string>(out var text))
                Assert.Equal(row["value"], text);
            else
                Assert.True(JsonNode.DeepEquals(JsonText.Value(row["value"]), actual), $"'{row["key"]}': expected {row["value"]}, got {actual?.ToJsonString() ?? "null"}");
        }
    }

    [Then("the backend receives no context key {string}")]
    public void BackendLacks(string key)
    {
        var authorizer = Authorizer();
        var context = authorizer["lambda"] as JsonObject ?? authorizer;
        Assert.False(context.ContainsKey(key), $"The backend's authorizer context has '{key}': {context.ToJsonString()}");
    }

    [Then("the backend receives the principal {string}")]
    public void BackendPrincipal(string principal) => Assert.Equal(principal, Authorizer()["principalId"]?.GetValue<string>());

    [Then("the backend receives the request context:")]
    public void BackendRequestContext(string json)
    {
        var differences = JsonText.Differences(JsonText.Parse(json, "The expected request context"), RequestContext());
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Then("the backend is not reached")]
    public void NotReached() => Assert.False(stage.Last.Integration.Invoked, "The backend was reached, but a refused request must never reach it.");

    [Then("the authorizer logged a line containing {string}")]
    public void Logged(string text) => Assert.Contains(text, stage.Session.AuthorizerLog, StringComparison.Ordinal);

    private void Denied(PolicyDecision decision)
    {
        var last = stage.Last;
        Assert.True(last.Status == 403, $"Expected 403, got {last.Status} (failure: {last.Failure ?? "none"}).");
        Assert.Equal(decision, last.Decision);
        NotReached();
    }

    private JsonNode? Event()
    {
        var json = stage.Last.Event ?? throw new InvalidOperationException("The authorizer was not invoked for the last request, so it received no event.");
        return JsonNode.Parse(json);
    }

    private JsonObject RequestContext() =>
        JsonNode.Parse(stage.Last.Integration.RequestContext ?? throw new InvalidOperationException(
            $"The backend was not reached (the client got {stage.Last.Status}, failure {stage.Last.Failure ?? "none"}).")) as JsonObject
        ?? throw new InvalidOperationException("The backend's request context is not an object.");

    private JsonObject Authorizer() =>
        RequestContext()["authorizer"] as JsonObject ?? throw new InvalidOperationException($"The backend's request context has no authorizer: {RequestContext().ToJsonString()}");

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
