using System.Text.Json;

namespace AuthorizerConformance.Policy;

/// <summary>
/// Error collection and the raw-JSON checks the parser repeats: object members with duplicate and unknown names
/// (element names are case-sensitive, §1.1), and "string or array of strings" values (POL-3, POL-12).
/// </summary>
internal sealed class JsonReader(PolicyOptions options)
{
    private readonly List<PolicyError> _errors = [];

    public PolicyOptions Options { get; } = options;

    public IReadOnlyList<PolicyError> Errors => _errors;

    public void Error(string path, string message) => _errors.Add(new PolicyError(path, message));

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Reports every string and member name that is not text (see <see cref="JsonTextCheck"/>). True when all is text.</summary>
    public bool CheckText(JsonElement element, string path)
    {
        var before = _errors.Count;
        _errors.AddRange(JsonTextCheck.Find(element, path));
        return _errors.Count == before;
    }

    /// <summary>
    /// The members of an object, by exact name. Duplicates ("must not contain multiple instances of the same key") and
    /// names not in <paramref name="known"/> are reported; a wrong-case name gets a hint.
    /// </summary>
    public Dictionary<string, JsonElement> Members(JsonElement element, string path, IReadOnlyCollection<string>? known)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var at = Child(path, name);
            if (!members.TryAdd(name, property.Value))
            {
                Error(at, $"duplicate key '{name}'");
                continue;
            }
            if (known is null || known.Contains(name))
                continue;
            var hint = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            Error(at, hint is null
                ? $"unknown element '{name}'"
                : $"unknown element '{name}': element names are case-sensitive, did you mean '{hint}'?");
        }
        return members;
    }

    /// <summary>
    /// A string, or an array of strings; null (with errors) otherwise. Empty strings and an empty array are errors
    /// unless allowed.
    /// </summary>
    public List<string>? Strings(JsonElement element, string path, bool allowEmptyString = false, bool allowEmptyArray = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return NonEmpty(element.GetString()!, path, allowEmptyString) ? [element.GetString()!] : null;
            case JsonValueKind.Array:
                if (element.GetArrayLength() == 0 && !allowEmptyArray)
                {
                    Error(path, "must not be an empty array");
                    return null;
                }
                var values = new List<string>();
                var ok = true;
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var at = $"{path}[{i++}]";
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        Error(at, $"must be a string, found {Kind(item)}");
                        ok = false;
                    }
                    else if (NonEmpty(item.GetString()!, at, allowEmptyString))
                    {
                        values.Add(item.GetString()!);
                    }
                    else
                    {
                        ok = false;
                    }
                }
                return ok ? values : null;
            default:
                Error(path, $"must be a string or an array of strings, found {Kind(element)}");
                return null;
        }
    }

    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
        _ => element.ValueKind.ToString(),
    };

    private bool NonEmpty(string value, string path, bool allowEmpty)
    {
        if (allowEmpty || value.Length > 0)
            return true;
        Error(path, "must not be an empty string");
        return false;
    }
}
