namespace AuthorizerConformance.Policy.Tests;

/// <summary>Shared builders for named cases: a request ARN, a one-statement policy, and evaluation in one call.</summary>
internal static class PolicyKit
{
    public const string Api = "arn:aws:execute-api:us-east-1:123456789012:abc123";
    public const string GetUsers = Api + "/prod/GET/users";
    public const string Invoke = PolicyRequest.InvokeAction;

    public static CompiledPolicy Compile(string json, PolicyOptions? options = null) => AssertValid(PolicyParser.Parse(json, options));

    public static CompiledPolicy AssertValid(PolicyParseResult result)
    {
        Assert.True(result.IsValid, "expected a valid policy, got: " + string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return result.Policy!;
    }

    public static PolicyEvaluation Evaluate(string json, string resource, string action = Invoke,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? context = null, PolicyOptions? options = null) =>
        Compile(json, options).Evaluate(new PolicyRequest(action, resource, context));

    public static PolicyDecision Decide(string json, string resource, string action = Invoke,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? context = null) => Evaluate(json, resource, action, context).Decision;

    /// <summary>A 2012-10-17 policy with one statement; the JSON fragments are inserted as written.</summary>
    public static string One(string effect = "Allow", string action = "\"execute-api:Invoke\"", string resource = "\"*\"",
        string? condition = null, string version = "\"2012-10-17\"") =>
        $$"""{"Version":{{version}},"Statement":[{"Effect":"{{effect}}","Action":{{action}},"Resource":{{resource}}{{(condition is null ? "" : ",\"Condition\":" + condition)}}}]}""";

    public static string Allow(string resource) => One(resource: Quote(resource));

    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    public static Dictionary<string, IReadOnlyList<string>> Context(params (string Key, string Value)[] pairs) =>
        pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Value)]);

    public static IReadOnlyList<PolicyError> Errors(string json, PolicyOptions? options = null)
    {
        var result = PolicyParser.Parse(json, options);
        Assert.False(result.IsValid, "expected an invalid policy: " + json);
        Assert.Null(result.Policy);
        Assert.NotEmpty(result.Errors);
        Assert.Equal(PolicyDecision.Invalid, result.Evaluate(new PolicyRequest(Invoke, GetUsers)).Decision);
        return result.Errors;
    }
}
