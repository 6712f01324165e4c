using System.Globalization;
using System.Text;

namespace AuthorizerConformance.ApiImport;

/// <summary>A path inside a document: member names and array indexes, rendered as <c>paths["/pets"].get.security[0]</c>.</summary>
internal sealed class ImportPath
{
    public static readonly ImportPath Root = new(null, null);

    private ImportPath(ImportPath? parent, object? segment)
    {
        Parent = parent;
        Segment = segment;
    }

    public ImportPath? Parent { get; }

    /// <summary>A member name (string) or an index (int); null at the root.</summary>
    public object? Segment { get; }

    public ImportPath this[string name] => new(this, name);

    public ImportPath this[int index] => new(this, index);

    /// <summary>The segments from the root.</summary>
    public IReadOnlyList<object> Segments()
    {
        var list = new List<object>();
        for (var p = this; p.Segment is not null; p = p.Parent!)
            list.Add(p.Segment);
        list.Reverse();
        return list;
    }

    /// <summary>Reads a JSON pointer (<c>#/paths/~1pets/get</c>) as a path.</summary>
    public static ImportPath FromPointer(string? pointer)
    {
        var path = Root;
        if (string.IsNullOrEmpty(pointer))
            return path;
        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            path = path[raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        return path;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in Segments())
        {
            if (segment is int index)
                text.Append(CultureInfo.InvariantCulture, $"[{index}]");
            else if (segment is string name && IsPlain(name))
                text.Append(text.Length == 0 ? "" : ".").Append(name);
            else
                text.Append("[\"").Append(((string)segment).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
        }
        return text.ToString();
    }

    private static bool IsPlain(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$');
}
