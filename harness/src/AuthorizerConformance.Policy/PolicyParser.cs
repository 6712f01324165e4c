using System.Text.Json;

namespace AuthorizerConformance.Policy;

/// <summary>
/// Validating parser for authorizer policy documents over raw JSON (§1.1). Every problem is reported with its JSON
/// path; the parser never throws on bad input and never lets a malformed document allow anything.
/// </summary>
public static partial class PolicyParser
{
    private static readonly string[] TopLevel = ["Version", "Id", "Statement"];
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses and compiles policy text.</summary>
    public static PolicyParseResult Parse(string json, PolicyOptions? options = null)
    {
        if (json is null)
            return PolicyParseResult.Failed([new PolicyError("", "the policy document is missing (null)")]);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Parse(document.RootElement, options, json);
        }
        catch (JsonException ex)
        {
            return PolicyParseResult.Failed([new PolicyError("", $"not valid JSON: {ex.Message}")]);
        }
    }

    /// <summary>Parses and compiles a policy document already read as JSON.</summary>
    public static PolicyParseResult Parse(JsonElement document, PolicyOptions? options = null) => Parse(document, options, source: null);

    /// <summary>
    /// The statements of a document that parsed before (a <see cref="CompiledPolicy"/> rebuilding what it does not keep),
    /// read exactly as <see cref="Parse(string, PolicyOptions?)"/> read them.
    /// </summary>
    internal static CompiledStatement[] Reparse(string source, PolicyOptions options)
    {
        using var document = JsonDocument.Parse(source, DocumentOptions);
        var reader = new JsonReader(options);
        return Read(document.RootElement, reader)?.Statements
            ?? throw new InvalidOperationException("a compiled policy's source no longer parses: " + string.Join("; ", reader.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }

    // source: the document's text when the caller has it, so a compiled policy can rebuild its statements from it.
    private static PolicyParseResult Parse(JsonElement document, PolicyOptions? options, string? source)
    {
        options ??= PolicyOptions.Default;
        var reader = new JsonReader(options);
        return Read(document, reader) is { } read
            ? PolicyParseResult.Valid(new CompiledPolicy(source ?? Text(document), options, read.VersionText, read.Id, read.WasObject, read.Statements))
            : PolicyParseResult.Failed(reader.Errors);
    }

    /// <summary>A document's parts as validated; null when <paramref name="reader"/> holds errors.</summary>
    private static DocumentParts? Read(JsonElement document, JsonReader reader)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            reader.Error("", $"the policy document must be a JSON object, found {JsonReader.Kind(document)}");
            return null;
        }
        if (!reader.CheckText(document, ""))
            return null;
        var members = reader.Members(document, "", TopLevel);
        var (versionText, version) = ReadVersion(reader, members);
        string? id = null;
        if (members.TryGetValue("Id", out var idElement))
        {
            if (idElement.ValueKind == JsonValueKind.String)
                id = idElement.GetString();
            else
                reader.Error("Id", $"must be a string, found {JsonReader.Kind(idElement)}");
        }
        var statements = ReadStatements(reader, members, version, out var wasObject);
        return reader.Errors.Count > 0 || statements is null ? null : new DocumentParts(versionText, id, wasObject, statements);
    }

    private sealed record DocumentParts(string? VersionText, string? Id, bool WasObject, CompiledStatement[] Statements);

    private static (string? Text, PolicyVersion Version) ReadVersion(JsonReader reader, Dictionary<string, JsonElement> members)
    {
        if (!members.TryGetValue("Version", out var element))
            return (null, PolicyVersion.Absent);
        if (element.ValueKind == JsonValueKind.String)
        {
            switch (element.GetString())
            {
                case "2012-10-17":
                    return ("2012-10-17", PolicyVersion.V2012);
                case "2008-10-17":
                    return ("2008-10-17", PolicyVersion.V2008);
            }
        }
        reader.Error("Version", $"must be \"2012-10-17\" or \"2008-10-17\", found {Describe(element)}");
        return (null, PolicyVersion.Absent);
    }

    private static CompiledStatement[]? ReadStatements(
        JsonReader reader, Dictionary<string, JsonElement> members, PolicyVersion version, out bool wasObject)
    {
        wasObject = false;
        if (!members.TryGetValue("Statement", out var element))
        {
            reader.Error("Statement", "is required");
            return null;
        }
        var items = new List<(JsonElement Element, string Path)>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // §1.1 / POL-9: a single statement object is valid IAM grammar; accepted and flagged.
                wasObject = true;
                items.Add((element, "Statement"));
                break;
            case JsonValueKind.Array:
                // POL-12 (M): "Statement": [] is valid and matches nothing; the policy then implicitly denies.
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items.Add((item, $"Statement[{i}]"));
                    i++;
                }
                break;
            default:
                reader.Error("Statement", $"must be an object or an array of objects, found {JsonReader.Kind(element)}");
                return null;
        }
        var compiled = new List<CompiledStatement>();
        var sids = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            var statement = ReadStatement(reader, items[index].Element, items[index].Path, index, version, sids);
            if (statement is not null)
                compiled.Add(statement);
        }
        return compiled.Count == items.Count ? [.. compiled] : null;
    }

    // A document read by the caller is written out again rather than taken raw: the caller's reader may have allowed
    // comments or trailing commas, which Reparse (plain JSON, as Parse(string)) would refuse.
    private static string Text(JsonElement document)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            document.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static string Describe(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? $"\"{element.GetString()}\"" : JsonReader.Kind(element);
}
