using System.Text.Json;

namespace AuthorizerConformance.Policy;

/// <summary>
/// How every JSON input of our own is parsed (scenario files, <c>--jsonl</c> lines, events, claims): a member name twice in
/// one object is an error (issue 16 defect 16: "last one wins" would hide a typo or a smuggled value), nesting is bounded,
/// and the error names where. Scenario files also allow comments and trailing commas.
/// </summary>
public static class StrictJson
{
    /// <summary>Nesting depth of every JSON input (docs/limits.md).</summary>
    public const int MaxDepth = 64;

    /// <summary>Strict JSON: no duplicate member names, no comments, no trailing commas.</summary>
    public static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };

    /// <summary>As <see cref="Options"/>, with comments skipped and trailing commas allowed (hand-written files).</summary>
    public static readonly JsonDocumentOptions Relaxed = new()
    {
        AllowDuplicateProperties = false, MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
    };

    /// <summary>
    /// Parses <paramref name="json"/> with <paramref name="options"/>. A member name that is an escaped lone surrogate
    /// cannot be compared for duplicates (System.Text.Json throws InvalidOperationException there): such a document is
    /// parsed without the duplicate check, and the caller's <see cref="JsonTextCheck"/> refuses it with the name's path.
    /// </summary>
    public static JsonDocument Parse(string json, JsonDocumentOptions options) => ParseWith(o => JsonDocument.Parse(json, o), options);

    /// <summary>As <see cref="Parse(string, JsonDocumentOptions)"/>, for UTF-8 bytes.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json, JsonDocumentOptions options) =>
        ParseWith(o => JsonDocument.Parse(utf8Json, o), options);

    private static JsonDocument ParseWith(Func<JsonDocumentOptions, JsonDocument> parse, JsonDocumentOptions options)
    {
        try
        {
            return parse(options);
        }
        catch (InvalidOperationException)
        {
            var lenient = options;
            lenient.AllowDuplicateProperties = true;
            return parse(lenient);
        }
    }

    /// <summary>Where and why <paramref name="error"/> happened: <c>at $.a.b (line 3, column 7): …</c>.</summary>
    public static string Describe(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var where = error.LineNumber is { } line ? $" (line {line + 1}, column {error.BytePositionInLine + 1})" : "";
        return $"at {error.Path ?? "$"}{where}: {error.Message}";
    }
}
