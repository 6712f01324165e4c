namespace AuthorizerConformance.ApiImport;

/// <summary>The bounds on an imported API definition (docs/api-import.md lists them).</summary>
public static class ImportLimits
{
    /// <summary>The largest file read: 4 MiB (API Gateway's own import limit for a REST API definition is 6 MB; SAM templates are far smaller).</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The deepest nesting of mappings and sequences read (a real definition stays under 20).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes walked, an alias counted at every use (a "billion laughs" document stops here).</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>The most routes one API may have (API Gateway's default quota is 300 resources per REST API).</summary>
    public const int MaxRoutes = 1000;
}
