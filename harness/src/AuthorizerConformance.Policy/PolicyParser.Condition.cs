using System.Text.Json;
using AuthorizerConformance.Policy.Conditions;

namespace AuthorizerConformance.Policy;

public static partial class PolicyParser
{
    /// <summary>
    /// Reads <c>Condition</c> (§1.6). Returns the compiled clauses (empty when absent) or null on error.
    /// <c>"Condition": null</c> is Invalid: API Gateway answers 500 AuthorizerConfigurationException (§1.7).
    /// </summary>
    private static ConditionClause[]? ReadConditions(
        JsonReader reader, Dictionary<string, JsonElement> members, string path, PolicyVersion version,
        out List<ConditionEntry>? entries)
    {
        entries = null;
        if (!members.TryGetValue("Condition", out var element))
            return [];
        var at = JsonReader.Child(path, "Condition");
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Error(at, $"must be an object, found {JsonReader.Kind(element)}");
            return null;
        }
        // POL-6: a condition is never ignored silently; either evaluated or the document is rejected.
        if (reader.Options.Conditions == ConditionHandling.RejectAsInvalid)
        {
            reader.Error(at, "Condition is not supported (PolicyOptions.Conditions = RejectAsInvalid)");
            return null;
        }
        entries = [];
        var clauses = new List<ConditionClause>();
        var ok = true;
        foreach (var (name, block) in reader.Members(element, at, known: null))
        {
            var opPath = JsonReader.Child(at, name);
            var op = ConditionOperator.TryParse(name, out var error);
            if (op is null)
            {
                reader.Error(opPath, error!);
                ok = false;
                continue;
            }
            if (block.ValueKind != JsonValueKind.Object || !block.EnumerateObject().Any())
            {
                reader.Error(opPath, $"must be an object with at least one condition key, found {JsonReader.Kind(block)}");
                ok = false;
                continue;
            }
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in reader.Members(block, opPath, known: null))
            {
                var keyPath = JsonReader.Child(opPath, key);
                if (!keys.Add(key))
                {
                    // Key names are case-insensitive (§1.6), so "aws:SourceIp" and "aws:sourceip" are the same key.
                    reader.Error(keyPath, $"duplicate condition key '{key}' (key names are case-insensitive)");
                    ok = false;
                    continue;
                }
                var clause = ReadClause(reader, op, key, value, keyPath, version);
                if (clause is null)
                {
                    ok = false;
                    continue;
                }
                clauses.Add(clause);
                entries.Add(new ConditionEntry(name, key, clause.RawValues));
            }
        }
        return ok ? [.. clauses] : null;
    }

    private static ConditionClause? ReadClause(
        JsonReader reader, ConditionOperator op, string key, JsonElement value, string path, PolicyVersion version)
    {
        if (key.Length == 0)
        {
            reader.Error(path, "the condition key must not be empty");
            return null;
        }
        var raw = new List<(string Text, string Path)>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() == 0)
            {
                reader.Error(path, "must not be an empty array");
                return null;
            }
            var i = 0;
            foreach (var item in value.EnumerateArray())
                raw.Add((Scalar(item) ?? "", $"{path}[{i++}]"));
            if (value.EnumerateArray().Any(item => Scalar(item) is null))
            {
                foreach (var (item, index) in value.EnumerateArray().Select((item, index) => (item, index)).Where(p => Scalar(p.item) is null))
                    reader.Error($"{path}[{index}]", $"a condition value must be a string, number or boolean, found {JsonReader.Kind(item)}");
                return null;
            }
        }
        else if (Scalar(value) is { } single)
        {
            raw.Add((single, path));
        }
        else
        {
            reader.Error(path, $"a condition value must be a string, number, boolean or an array of them, found {JsonReader.Kind(value)}");
            return null;
        }
        var variables = version == PolicyVersion.V2012;
        var tableKey = ConditionClauseTable.Key(op.Name, key, variables, raw.Select(r => r.Text));
        if (ConditionClauseTable.Find(tableKey) is { } shared)
            return shared;
        var compiled = new List<ConditionValue>();
        foreach (var (text, at) in raw)
        {
            var compiledValue = ConditionValue.Compile(op, text, variables, out var error);
            if (compiledValue is null)
                reader.Error(at, $"{op.Name}: {error}");
            else
                compiled.Add(compiledValue);
        }
        return compiled.Count == raw.Count
            ? ConditionClauseTable.Share(tableKey, new ConditionClause(op, key, [.. raw.Select(r => r.Text)], [.. compiled]))
            : null;
    }

    // Condition values may be strings, numbers or booleans (IAM grammar); numbers keep their JSON text.
    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
