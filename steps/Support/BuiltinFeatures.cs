using System.Reflection;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// Whether a feature file is one of the built-in conformance features — the source folder recorded at build time or the
/// copy beside this assembly, followed through symbolic links (<c>authz run</c> links the built-in folder into its run
/// folder as <c>builtin/</c>). The team's API (AUTHZ_API) never applies to them: they judge any authorizer on the
/// emulation's own default API.
/// </summary>
public static class BuiltinFeatures
{
    private static readonly Lazy<string[]> Folders = new(() =>
    [
        .. new[]
        {
            typeof(BuiltinFeatures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == FeatureDirectory.MetadataKey)?.Value,
            Path.Combine(AppContext.BaseDirectory, FeatureDirectory.OutputFolderName),
        }.Where(f => f is { Length: > 0 } && Directory.Exists(f)).Select(f => RealPath(f!) + Path.DirectorySeparatorChar),
    ]);

    /// <summary>Whether <paramref name="featureFile"/> lies in a built-in features folder.</summary>
    public static bool Contains(string featureFile)
    {
        ArgumentNullException.ThrowIfNull(featureFile);
        var real = RealPath(featureFile);
        return Folders.Value.Any(f => real.StartsWith(f, StringComparison.Ordinal));
    }

    /// <summary>The path with every symbolic link along it resolved.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                current = RealPath(target.FullName);
        }
        return current;
    }
}
