using YamlDotNet.RepresentationModel;

namespace AuthorizerConformance.ApiImport;

/// <summary>One import's file and errors. Every error names the file, the line (found in the YAML tree) and the path.</summary>
internal sealed class ImportContext(string file, YamlNode? tree)
{
    private readonly List<ApiImportError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<ApiImportError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Error(ImportPath path, string message) => _errors.Add(new ApiImportError(File, LineOf(path), path.ToString(), message));

    public void Error(ImportPath path, int? line, string message) => _errors.Add(new ApiImportError(File, line ?? LineOf(path), path.ToString(), message));

    /// <summary>The 1-based line of the deepest node on <paramref name="path"/> found in the tree.</summary>
    public int? LineOf(ImportPath path)
    {
        if (tree is null)
            return null;
        var node = tree;
        foreach (var segment in path.Segments())
        {
            YamlNode? next = (node, segment) switch
            {
                (YamlMappingNode map, string name) => map.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == name).Value,
                (YamlSequenceNode seq, int index) when index < seq.Children.Count => seq.Children[index],
                _ => null,
            };
            if (next is null)
                break;
            node = next;
        }
        return (int)node.Start.Line;
    }
}
