using System.Text.Json;

namespace AuthorizerConformance.Harness.Profiles;

/// <summary>
/// The line (1-based) of every member and array element of a JSON document, by JSON path (<c>$.tokens.alg</c>,
/// <c>$.type[1]</c>), so an error about a value can name its line. Built with one <see cref="Utf8JsonReader"/> pass
/// over a document that already parsed.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap() { }

    /// <summary>The line of <paramref name="path"/>, or of its nearest ancestor that has one.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line))
                return line;
        }
        return null;
    }

    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var lineStarts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
                lineStarts.Add(i + 1);
        }
        int Line(long offset)
        {
            var index = lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        var reader = new Utf8JsonReader(utf8, options);
        // Per open container: its path, and for arrays the next index.
        var stack = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            string? valuePath = null;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingProperty = stack.Peek().Path + "." + reader.GetString();
                map._lines.TryAdd(pendingProperty, Line(reader.TokenStartIndex));
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }
            if (stack.Count == 0)
                valuePath = "$";
            else if (stack.Peek().IsArray)
            {
                var top = stack.Pop();
                valuePath = $"{top.Path}[{top.NextIndex}]";
                stack.Push(top with { NextIndex = top.NextIndex + 1 });
                map._lines.TryAdd(valuePath, Line(reader.TokenStartIndex));
            }
            else
            {
                valuePath = pendingProperty!;
            }
            if (reader.TokenType == JsonTokenType.StartObject)
                stack.Push((valuePath, 0, false));
            else if (reader.TokenType == JsonTokenType.StartArray)
                stack.Push((valuePath, 0, true));
        }
        return map;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
