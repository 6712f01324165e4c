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
    /// Every difference between <paramref name="expected"/> and <paramref name="actual"/>, one line per differing
    /// member, in the feature's words (<c>$.role is "admin"; the scenario expects "user"</c>). By default
    /// <paramref name="expected"/>'s objects are a subset (members it does not name are ignored); with
    /// <paramref name="exact"/> a member it does not name is a difference too. Arrays of equal length are compared
    /// element by element and exactly, values as JSON.
    /// </summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$", bool exact = false)
    {
        var differences = new List<string>();
        Compare(expected, actual, path, exact, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, bool exact, List<string> differences)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (!a.ContainsKey(name))
                        differences.Add($"{path}.{name} is missing; the scenario expects {Show(value)}");
                    else
                        Compare(value, a[name], $"{path}.{name}", exact, differences);
                }
                if (exact)
                {
                    foreach (var (name, value) in a.Where(m => !e.ContainsKey(m.Key)))
                        differences.Add($"{path}.{name} is {Show(value)}; the scenario expects no such member");
                }
                return;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                // Arrays must be equal, so their elements compare exactly (an object in an array is no subset).
                for (var i = 0; i < e.Count; i++)
                    Compare(e[i], a[i], $"{path}[{i}]", exact: true, differences);
                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    differences.Add($"{path} is {Show(actual)}; the scenario expects {Show(expected)}");
                return;
        }
    }

    /// <summary>A JSON value as compact JSON (<c>null</c> for null).</summary>
    public static string Show(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
