using System.Collections.Concurrent;
using AuthorizerConformance.ApiImport;

namespace AuthorizerConformance.Harness.Conformance;

/// <summary>
/// The team's API for a whole run (<c>authz run --api FILE [--api-name NAME]</c>, or by hand the environment variables
/// <see cref="EnvironmentVariable"/> and <see cref="NameVariable"/>): an OpenAPI 3 / Swagger 2 file or a SAM template,
/// imported once per run. The team's scenarios that describe no API of their own run on it (docs/api-import.md).
/// </summary>
public static class ApiUnderTest
{
    /// <summary>The path of the API definition (relative to the current directory).</summary>
    public const string EnvironmentVariable = "AUTHZ_API";

    /// <summary>The API's logical id, when a SAM template defines more than one.</summary>
    public const string NameVariable = "AUTHZ_API_NAME";

    private static readonly ConcurrentDictionary<(string, string?), Lazy<ApiImportResult>> Imports = new();

    /// <summary>The definition the environment names, or null when it names none.</summary>
    public static string? FileFromEnvironment =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>The import of <paramref name="file"/> (every error with its file, line and path), read once per process.</summary>
    public static ApiImportResult Import(string file, string? apiName)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Imports.GetOrAdd((Path.GetFullPath(file), apiName),
            key => new Lazy<ApiImportResult>(() => ApiDefinitionImporter.Import(key.Item1, new ApiImportOptions { ApiName = key.Item2 }))).Value;
    }

    /// <summary>The import of the definition the environment names, or null when it names none.</summary>
    public static ApiImportResult? FromEnvironment() =>
        FileFromEnvironment is { } file ? Import(file, Environment.GetEnvironmentVariable(NameVariable) is { Length: > 0 } name ? name : null) : null;
}
