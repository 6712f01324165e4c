using System.Text.Json;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Cli;

/// <summary>
/// One <c>--jsonl</c> input line → one output line. A line that is not usable (bad JSON, missing resource, a context
/// value that is not a string or array of strings) gets <c>"decision": "Error"</c> and the run goes on.
/// </summary>
internal static class JsonLineEvaluator
{
    private static readonly string[] Members = ["id", "policy", "resource", "action", "context"];

    public static string Evaluate(string line, int lineNumber, PolicyOptions? options = null)
    {
        JsonDocument document;
        try
        {
            document = StrictJson.Parse(line, StrictJson.Options);
        }
        catch (JsonException ex)
        {
            return PolicyResultJson.Error(null, [new PolicyError("", $"line {lineNumber} is not valid JSON {StrictJson.Describe(ex)}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return PolicyResultJson.Error(null, [new PolicyError("", $"line {lineNumber} must be a JSON object")]);
            // A string that is not text (half a surrogate pair) throws where it is read: report it instead. A policy
            // object reports its own, with paths inside the policy; a member name of the line itself that is not text
            // leaves nothing safe to read, not even the id.
            var notText = JsonTextCheck.Find(root).ToList();
            if (notText.Exists(p => p.Path.Length == 0))
                return PolicyResultJson.Error(null, [.. notText.Where(p => p.Path.Length == 0)]);
            var policyIsObject = root.TryGetProperty("policy", out var policyElement) && policyElement.ValueKind == JsonValueKind.Object;
            notText.RemoveAll(p => policyIsObject && (p.Path.StartsWith("policy.", StringComparison.Ordinal) || p.Path == "policy"));
            JsonElement? id = root.TryGetProperty("id", out var idElement) && JsonTextCheck.FirstNonText(idElement) is null ? idElement : null;
            if (notText.Count > 0)
                return PolicyResultJson.Error(id, notText);
            var problems = new List<PolicyError>();
            foreach (var member in root.EnumerateObject())
            {
                if (!Members.Contains(member.Name, StringComparer.Ordinal))
                    problems.Add(new PolicyError(member.Name, $"unknown member '{member.Name}'"));
            }
            var resource = ReadString(root, "resource", required: true, problems);
            if (resource is not null && PolicyCommandRunner.ResourceTooLong(resource) is { } tooLong)
                problems.Add(new PolicyError("resource", tooLong));
            var action = ReadString(root, "action", required: false, problems) ?? PolicyCommandRunner.DefaultAction;
            var context = ReadContext(root, problems);
            PolicyParseResult? parsed = null;
            if (!root.TryGetProperty("policy", out var policy))
                problems.Add(new PolicyError("policy", "is required"));
            else if (policy.ValueKind == JsonValueKind.String)
                parsed = PolicyParser.Parse(policy.GetString()!, options);
            else if (policy.ValueKind == JsonValueKind.Object)
                parsed = PolicyParser.Parse(policy, options);
            else
                problems.Add(new PolicyError("policy", "must be a policy object or its JSON text"));
            if (problems.Count > 0 || parsed is null || resource is null)
                return PolicyResultJson.Error(id, problems);
            return PolicyResultJson.Line(id, parsed, parsed.Evaluate(new PolicyRequest(action, resource, context)));
        }
    }

    private static string? ReadString(JsonElement root, string name, bool required, List<PolicyError> problems)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            if (required)
                problems.Add(new PolicyError(name, "is required"));
            return null;
        }
        if (element.ValueKind == JsonValueKind.String)
            return element.GetString();
        problems.Add(new PolicyError(name, "must be a string"));
        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>>? ReadContext(JsonElement root, List<PolicyError> problems)
    {
        if (!root.TryGetProperty("context", out var element) || element.ValueKind == JsonValueKind.Null)
            return null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new PolicyError("context", "must be an object of strings or arrays of strings"));
            return null;
        }
        var context = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in element.EnumerateObject())
        {
            var value = member.Value;
            if (value.ValueKind == JsonValueKind.String)
                context[member.Name] = [value.GetString()!];
            else if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
                context[member.Name] = [.. value.EnumerateArray().Select(v => v.GetString()!)];
            else
                problems.Add(new PolicyError($"context.{member.Name}", "must be a string or an array of strings"));
        }
        return context;
    }
}
