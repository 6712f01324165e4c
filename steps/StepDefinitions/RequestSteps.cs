using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Reqnroll.xUnit3;
using AuthorizerConformance.Steps.Support;
using Reqnroll;
using Reqnroll.Infrastructure;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// What the client does. The token (when the scenario has one) goes where the default authorizer reads it:
/// <c>Authorization: Bearer &lt;token&gt;</c>, or the raw token in another configured header or query parameter. <c>{token}</c> in a
/// header or query value written in a step stands for the scenario's token.
/// </summary>
[Binding]
public sealed class RequestSteps(Stage stage, ScenarioDefinition definition, IStepDefinitionMatchService matcher)
{
    [When("the client calls {method} {path}")]
    public Task Calls(HttpVerb method, RequestPath path) => Send(method.Name, path.Value, [], withToken: true);

    [When("the client calls {method} {path} without a token")]
    public Task CallsWithoutToken(HttpVerb method, RequestPath path) => Send(method.Name, path.Value, []);

    [When("the client calls {method} {path} with the header {string} set to {string}")]
    public Task CallsWithHeader(HttpVerb method, RequestPath path, string name, string value) =>
        Send(method.Name, path.Value, [new(name, stage.Expand(value))]);

    [When("the client calls {method} {path} with the headers:")]
    public Task CallsWithHeaders(HttpVerb method, RequestPath path, DataTable headers) =>
        Send(method.Name, path.Value, Headers(headers));

    [When("the client calls {method} {path} from {string}")]
    public Task CallsFrom(HttpVerb method, RequestPath path, string sourceIp) =>
        Send(method.Name, path.Value, [], withToken: true, sourceIp);

    [When("the client connects")]
    public Task Connects() => Send("GET", "/", [], withToken: true);

    [When("the client connects without a token")]
    public Task ConnectsWithoutToken() => Send("GET", "/", []);

    [When("the client connects with the headers:")]
    public Task ConnectsWithHeaders(DataTable headers) => Send("GET", "/", Headers(headers));

    [When("the client connects with the query {string}")]
    public Task ConnectsWithQuery(string query) => Send("GET", "/?" + query, []);

    [When("{duration} pass(es)")]
    public Task TimePasses(TimeSpan duration)
    {
        // On a deployed stage the wait is real time: a scenario that would be skipped after it is skipped before it.
        if (Stage.Target is IDeployedStage)
            stage.ObserveAll(StepBindingCheck.Match(matcher, definition).Select(m => m.Method).OfType<System.Reflection.MethodInfo>(), duration);
        return stage.AdvanceAsync(duration);
    }

    private List<KeyValuePair<string, string>> Headers(DataTable headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return [.. headers.Rows.Select(row => new KeyValuePair<string, string>(row["name"], stage.Expand(row["value"])))];
    }

    private Task Send(string method, string pathAndQuery, List<KeyValuePair<string, string>> headers, bool withToken = false, string? sourceIp = null)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var request = new ClientRequest
        {
            Method = method,
            Path = question < 0 ? pathAndQuery : pathAndQuery[..question],
            Query = question < 0 ? "" : stage.Expand(pathAndQuery[(question + 1)..]),
            Headers = headers,
        };
        if (withToken)
            request = stage.CarryingTheToken(request);
        return stage.SendAsync(sourceIp is null ? request : request with { SourceIp = sourceIp });
    }
}
