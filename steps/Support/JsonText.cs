using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorizerConformance.Steps.Support;

/// <summary>Values written in features: JSON when they parse as JSON, else plain strings; and JSON subset matching.</summary>
public static class JsonText
{
    /// <summary>
    /// A table cell as a JSON value: numbers, <c>true</c>/<c>false</c>/<c>null</c>, arrays, objects and quoted strings
    /// are JSON; anything else is a string (so <c>user-1</c> needs no quotes, and <c>"42"</c> is the string 42).
    /// </summary>
    public static JsonNode? Value(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && (char.IsDigit(trimmed[0]) || trimmed[0] is '-' or '[' or '{' or '"' || trimmed is "true" or "false" or "null"))
        {
            try
            {
                return JsonNode.Parse(trimmed);
            }
            catch (JsonException)
            {
                // not JSON after all: a string such as 2026-01-01 or -x
            }
        }
        return JsonValue.Create(text);
    }

    /// <summary>Parses JSON written in a feature, with an error that says so.</summary>
    public static JsonNode? Parse(string json, string what)
    {
        try
        {
            // Half a UTF-16 surrogate pair as an escape is valid JSON but not text: say where, before anything reads it.
            using (var document = JsonDocument.Parse(json))
            {
                if (Policy.JsonTextCheck.FirstNonText(document.RootElement, "$") is { } notText)
                    throw new InvalidOperationException($"{what} at {notText.Path}: {notText.Message}");
            }
            return JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{what} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Every difference between <paramref name="expected"/> and <paramref name="actual"/> where
    /// <paramref name="expected"/>'s objects are a subset (members not named are ignored; arrays and values must be equal).
    /// </summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        if (expected is JsonObject e)
        {
            if (actual is not JsonObject a)
            {
                differences.Add($"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}");
                return;
            }
            foreach (var (name, value) in e)
            {
                if (!a.ContainsKey(name))
                    differences.Add($"{path}.{name}: missing (expected {value?.ToJsonString() ?? "null"})");
                else
                    Compare(value, a[name], $"{path}.{name}", differences);
            }
            return;
        }
        if (!JsonNode.DeepEquals(expected, actual))
            differences.Add($"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
    }

    /// <summary>The node at a dotted path (<c>requestContext.identity.sourceIp</c>, <c>identitySource.0</c>), or null.</summary>
    public static JsonNode? At(JsonNode? root, string dottedPath, out bool found)
    {
        ArgumentNullException.ThrowIfNull(dottedPath);
        var node = root;
        found = true;
        foreach (var part in dottedPath.Split('.'))
        {
            switch (node)
            {
                case JsonObject o when o.ContainsKey(part):
                    node = o[part];
                    break;
                case JsonArray a when int.TryParse(part, out var i) && i >= 0 && i < a.Count:
                    node = a[i];
                    break;
                default:
                    found = false;
                    return null;
            }
        }
        return node;
    }
}
