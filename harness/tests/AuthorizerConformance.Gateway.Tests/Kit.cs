using System.Text.Json;
using AuthorizerConformance.Gateway.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Gateway.Tests;

/// <summary>
/// Builds one emulated stage from scenario-file JSON (the API and its authorizers), with a FakeTimeProvider and
/// the scripted functions kept so a test can read the events they received.
/// </summary>
internal sealed class Kit
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, IAuthorizerFunction> _functions = new(StringComparer.Ordinal);

    private Kit(string api, string authorizers, Func<AuthorizerDefinition, TimeProvider, IAuthorizerFunction?>? custom, TimeSpan? expressionTimeout)
    {
        var parsed = ScenarioParser.Parse($$"""{"api": {{api}}, "authorizers": {{authorizers}}, "requests": []}""");
        Assert.True(parsed.IsValid, parsed.Error?.ToString());
        Scenario = parsed.Scenario!;
        if (expressionTimeout is { } timeout)
        {
            // A short regex timeout, so a catastrophic expression times out quickly in a test.
            Scenario = Scenario with
            {
                Authorizers = [.. Scenario.Authorizers.Select(a => a.IdentityValidationExpression is { } r
                    ? a with { IdentityValidationExpression = new System.Text.RegularExpressions.Regex(r.ToString(), r.Options, timeout) } : a)],
            };
        }
        var resolver = AuthorizerFunctionResolver.CreateDefault();
        foreach (var definition in Scenario.Authorizers)
        {
            var function = custom?.Invoke(definition, Time)
                ?? resolver.Resolve(new FunctionSpec(definition.Function, "f", definition, Time)).Function!;
            _functions[definition.Name] = function;
        }
        Gateway = new ApiGateway(Scenario.Api, Scenario.Authorizers, d => _functions[d.Name], Time);
    }

    public FakeTimeProvider Time { get; } = new(Start);
    public Scenario Scenario { get; }
    public ApiGateway Gateway { get; }

    /// <summary>A stage from raw API and authorizers JSON.</summary>
    public static Kit Of(string api, string authorizers = "{}", Func<AuthorizerDefinition, TimeProvider, IAuthorizerFunction?>? custom = null,
        TimeSpan? expressionTimeout = null) =>
        new(api, authorizers, custom, expressionTimeout);

    /// <summary>A REST API with GET /pets/{id}, POST /pets and GET / behind TOKEN authorizer A.</summary>
    public static Kit RestToken(string outcomes, string extraAuthorizer = "", string behavior = "{}", string extraApi = "") => Of(
        $$"""{"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}, {"method": "POST", "resource": "/pets", "authorizer": "A"}, {"method": "GET", "resource": "/", "authorizer": "A"}], "behavior": {{behavior}} {{extraApi}} }""",
        $$"""{"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization" {{extraAuthorizer}}, "function": {"kind": "scripted", "outcomes": {{outcomes}} } } }""");

    public ScriptedAuthorizerFunction Function(string name = "A") => (ScriptedAuthorizerFunction)_functions[name];

    public int Invocations(string name = "A") => Function(name).ReceivedEvents.Count;

    public ValueTask<GatewayResult> Send(string method, string path, params (string Name, string Value)[] headers) =>
        Gateway.HandleAsync(new ClientRequest
        {
            Method = method,
            Path = path,
            Headers = [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
        }, TestContext.Current.CancellationToken);

    public ValueTask<GatewayResult> Send(ClientRequest request) => Gateway.HandleAsync(request, TestContext.Current.CancellationToken);

    public ValueTask<GatewayResult> Token(string method = "GET", string path = "/pets/42", string token = "Bearer good") =>
        Send(method, path, ("Authorization", token));

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
