using System.Globalization;
using AuthorizerConformance.ApiImport.OpenApi;
using AuthorizerConformance.ApiImport.Sam;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AuthorizerConformance.ApiImport;

/// <summary>
/// Imports the API a team deploys — an OpenAPI 3 or Swagger 2 definition with the API Gateway extensions, or an AWS SAM
/// template — as the emulation's API definition (the scenario file's <c>api</c> and <c>authorizers</c>). Every
/// authorizer's function is the authorizer under test unless <see cref="ApiImportOptions.Functions"/> maps it. Anything
/// not modelled is an error naming the file, line and path; nothing is dropped silently. Bounds: <see cref="ImportLimits"/>.
/// </summary>
public static class ApiDefinitionImporter
{
    /// <summary>Imports the file at <paramref name="path"/>.</summary>
    public static ApiImportResult Import(string path, ApiImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            // Bounded while reading (a device or a growing file reports no useful length): stop one past the bound.
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[ImportLimits.MaxFileBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = reader.Read(buffer, read, buffer.Length - read)) > 0)
                read += n;
            if (read > ImportLimits.MaxFileBytes)
                return Failed(path, string.Create(CultureInfo.InvariantCulture, $"the file is larger than {ImportLimits.MaxFileBytes} characters, the most read"));
            text = new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"cannot read the file: {e.Message}");
        }
        return ImportText(text, path, options);
    }

    /// <summary>Imports a definition's text; <paramref name="file"/> names it in errors.</summary>
    public static ApiImportResult ImportText(string text, string file, ApiImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        options ??= ApiImportOptions.Default;
        if (text.Length > ImportLimits.MaxFileBytes)
            return Failed(file, string.Create(CultureInfo.InvariantCulture, $"the text is {text.Length} characters; at most {ImportLimits.MaxFileBytes} are read"));
        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
                return Failed(file, string.Create(CultureInfo.InvariantCulture, $"holds {stream.Documents.Count} YAML documents; an API definition is one"));
            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            return ApiImportResult.Failed([new ApiImportError(file, (int)e.Start.Line, "", $"not valid YAML or JSON: {e.Message}")]);
        }
        var visited = 0;
        if (DeepestPath(root, 0, ref visited) is { } tooDeep)
            return ApiImportResult.Failed([new ApiImportError(file, (int)tooDeep.Start.Line, "",
                string.Create(CultureInfo.InvariantCulture, $"nested deeper than {ImportLimits.MaxDepth} levels, or more than {ImportLimits.MaxNodes} nodes (aliases counted each time they are used)"))]);
        if (root is not YamlMappingNode map)
            return Failed(file, "is not an API definition: the document is not a mapping");
        var keys = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        if (keys.Contains("openapi") || keys.Contains("swagger"))
            return OpenApiImporter.Import(text, file, root, options);
        if (keys.Contains("Resources"))
            return SamImporter.Import(map, file, options);
        return Failed(file, "is neither an OpenAPI document (openapi: 3.x, swagger: \"2.0\") nor a SAM template (Resources)");
    }

    private static ApiImportResult Failed(string file, string message) => ApiImportResult.Failed([new ApiImportError(file, null, "", message)]);

    private static YamlNode? DeepestPath(YamlNode node, int depth, ref int visited)
    {
        if (depth > ImportLimits.MaxDepth || ++visited > ImportLimits.MaxNodes)
            return node;
        IEnumerable<YamlNode> children = node switch
        {
            YamlMappingNode map => map.Children.Values,
            YamlSequenceNode seq => seq.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            if (DeepestPath(child, depth + 1, ref visited) is { } found)
                return found;
        }
        return null;
    }
}
