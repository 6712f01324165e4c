using System.Globalization;
using System.Text.Json;

namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>Strict readers over scenario JSON: every problem names its JSON path; unknown members are errors.</summary>
internal static class Json
{
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    public static JsonElement Object(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new ScenarioFormatException(path, $"must be an object, found {Kind(element)}");
        foreach (var property in element.EnumerateObject())
        {
            if (known.Length > 0 && !known.Contains(property.Name, StringComparer.Ordinal))
                throw new ScenarioFormatException(Child(path, property.Name), $"unknown member; expected one of {string.Join(", ", known)}");
        }
        return element;
    }

    public static bool Has(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public static string? String(JsonElement obj, string path, string name, bool required = false)
    {
        if (!Has(obj, name, out var value))
            return required ? throw new ScenarioFormatException(Child(path, name), "is required") : null;
        if (value.ValueKind != JsonValueKind.String)
            throw new ScenarioFormatException(Child(path, name), $"must be a string, found {Kind(value)}");
        return value.GetString()!;
    }

    public static string Choice(JsonElement obj, string path, string name, string? fallback, params string[] choices)
    {
        var value = String(obj, path, name, fallback is null) ?? fallback!;
        if (!choices.Contains(value, StringComparer.Ordinal))
            throw new ScenarioFormatException(Child(path, name), $"must be one of {string.Join(", ", choices.Select(c => $"\"{c}\""))}, found \"{value}\"");
        return value;
    }

    public static bool? Bool(JsonElement obj, string path, string name)
    {
        if (!Has(obj, name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ScenarioFormatException(Child(path, name), $"must be true or false, found {Kind(value)}"),
        };
    }

    public static double? Number(JsonElement obj, string path, string name, double min, double max)
    {
        if (!Has(obj, name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Number)
            throw new ScenarioFormatException(Child(path, name), $"must be a number, found {Kind(value)}");
        var number = value.GetDouble();
        if (number < min || number > max)
            throw new ScenarioFormatException(Child(path, name),
                string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, found {value.GetRawText()}"));
        return number;
    }

    public static int? Integer(JsonElement obj, string path, string name, int min, int max)
    {
        var number = Number(obj, path, name, min, max);
        if (number is null)
            return null;
        if (number != Math.Floor(number.Value))
            throw new ScenarioFormatException(Child(path, name), "must be a whole number");
        return (int)number.Value;
    }

    public static Dictionary<string, string> StringMap(JsonElement obj, string path, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Has(obj, name, out var value))
            return map;
        var at = Child(path, name);
        foreach (var property in Object(value, at).EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
                throw new ScenarioFormatException(Child(at, property.Name), $"must be a string, found {Kind(property.Value)}");
            map[property.Name] = property.Value.GetString()!;
        }
        return map;
    }

    public static List<string> StringArray(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw new ScenarioFormatException(path, $"must be an array of strings, found {Kind(value)}");
        var list = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new ScenarioFormatException(Index(path, i), $"must be a string, found {Kind(item)}");
            list.Add(item.GetString()!);
            i++;
        }
        return list;
    }

    public static string Kind(JsonElement element) => OutputValidationStage.Describe(element.ValueKind);
}
