using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Policy.Tests.Generators;

/// <summary>A generated statement, rendered to JSON in any of the equivalent shapes §3's properties compare.</summary>
internal sealed record StatementSpec(
    string? Sid, PolicyEffect Effect, bool NotAction, string[] Actions, bool NotResource, string[] Resources, string? ConditionJson)
{
    public JsonObject ToNode(bool singlesAsString)
    {
        var node = new JsonObject();
        if (Sid is not null)
            node["Sid"] = Sid;
        node["Effect"] = Effect.ToString();
        node[NotAction ? "NotAction" : "Action"] = Values(Actions, singlesAsString);
        node[NotResource ? "NotResource" : "Resource"] = Values(Resources, singlesAsString);
        if (ConditionJson is not null)
            node["Condition"] = JsonNode.Parse(ConditionJson);
        return node;
    }

    private static JsonNode Values(string[] values, bool singlesAsString) =>
        singlesAsString && values.Length == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}

/// <summary>A generated policy document.</summary>
internal sealed record PolicySpec(string? Version, StatementSpec[] Statements)
{
    public JsonObject ToNode(bool statementAsObject = false, bool singlesAsString = true)
    {
        var node = new JsonObject();
        if (Version is not null)
            node["Version"] = Version;
        node["Statement"] = statementAsObject && Statements.Length == 1
            ? Statements[0].ToNode(singlesAsString)
            : new JsonArray([.. Statements.Select(s => (JsonNode)s.ToNode(singlesAsString))]);
        return node;
    }

    public string ToJson(bool statementAsObject = false, bool singlesAsString = true) =>
        ToNode(statementAsObject, singlesAsString).ToJsonString();

    public PolicySpec With(params StatementSpec[] more) => this with { Statements = [.. Statements, .. more] };
}

/// <summary>A generated request: the policy, the request ARN, and single-valued global context keys.</summary>
internal sealed record CaseSpec(PolicySpec Policy, string Resource, IReadOnlyDictionary<string, string> Context, string? Mutation = null)
{
    /// <summary>The policy JSON sent to both evaluators; a malformed mutation applies here.</summary>
    public string PolicyJson => Mutation is null ? Policy.ToJson() : Mutations.Apply(Policy.ToNode(), Mutation).ToJsonString();

    public PolicyRequest Request() => new(PolicyRequest.InvokeAction, Resource,
        Context.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[p.Value]));

    public string ToOracleLine() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["policy"] = JsonNode.Parse(PolicyJson)!,
        ["action"] = PolicyRequest.InvokeAction,
        ["resource"] = Resource,
        ["context"] = Context,
    });
}
