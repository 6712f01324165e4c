using System.Reflection;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Finds the folder of <c>.feature</c> files a test assembly runs. In order: the environment variable
/// <see cref="EnvironmentVariable"/>; the source folder recorded at build time (assembly metadata
/// <see cref="MetadataKey"/>), so an edited feature runs without a rebuild; the copy next to the assembly.
/// </summary>
public static class FeatureDirectory
{
    /// <summary>Overrides the features folder for a run.</summary>
    public const string EnvironmentVariable = "AUTHZ_FEATURES_DIR";

    /// <summary>Assembly metadata key holding the source features folder.</summary>
    public const string MetadataKey = "ReqnrollFeaturesDirectory";

    /// <summary>The folder the copied features land in, under the assembly's output folder.</summary>
    public const string OutputFolderName = "features";

    /// <summary>Resolves the features folder for <paramref name="testAssembly"/>.</summary>
    public static string Resolve(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
            return Path.GetFullPath(fromEnvironment);

        var recorded = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value;
        if (recorded is { Length: > 0 } && Directory.Exists(recorded))
            return Path.GetFullPath(recorded);

        return Path.Combine(AppContext.BaseDirectory, OutputFolderName);
    }
}
