namespace AuthorizerConformance.ApiImport;

/// <summary>
/// What in an API definition could not be imported, and where: the file, the line when the reader knows it, and the
/// path inside the document (<c>paths["/pets/{id}"].get.security[0]</c>, <c>Resources.PetsApi.Properties.Auth</c>).
/// </summary>
public sealed record ApiImportError(string File, int? Line, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        return Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}
