using System.Text.Json.Nodes;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// Where this run's reports go: the folder of the Cucumber HTML report, as Reqnroll resolves it (the
/// <c>REQNROLL_FORMATTERS</c> environment variable over <c>reqnroll.json</c>; a relative path is relative to the
/// working directory), so reproductions and explanations land beside the report that names them.
/// </summary>
public static class ReportsFolder
{
    private static readonly Lazy<string> Resolved = new(Resolve);

    /// <summary>The absolute reports folder.</summary>
    public static string Path => Resolved.Value;

    /// <summary>
    /// <paramref name="file"/> as a person would type it: relative to the repository root (the folder holding
    /// <c>AuthorizerConformance.sln</c>) when the file is under it, else absolute.
    /// </summary>
    public static string Display(string file)
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AuthorizerConformance.sln")))
                return System.IO.Path.GetRelativePath(dir.FullName, file).Replace('\\', '/');
        }
        return System.IO.Path.GetFullPath(file);
    }

    private static string Resolve()
    {
        var html = HtmlReportPath(Environment.GetEnvironmentVariable("REQNROLL_FORMATTERS"))
            ?? HtmlReportPath(ReadConfig(System.IO.Path.Combine(AppContext.BaseDirectory, "reqnroll.json")))
            ?? "reports/report.html";
        return System.IO.Path.GetFullPath(System.IO.Path.GetDirectoryName(html) is { Length: > 0 } dir ? dir : ".");
    }

    private static string? ReadConfig(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static string? HtmlReportPath(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonNode.Parse(json)?["formatters"]?["html"]?["outputFilePath"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null; // Reqnroll reports a broken configuration itself
        }
    }
}
