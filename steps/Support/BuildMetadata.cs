using System.Reflection;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// What the build recorded in this assembly's metadata (the project's <c>AssemblyMetadata</c> items): the repository's
/// folders and files the suite and its tests read at run time.
/// </summary>
internal static class BuildMetadata
{
    /// <summary>The value recorded under <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">The build recorded no such key (or more than one).</exception>
    public static string Value(string key) =>
        typeof(BuildMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>The repository's <c>features/</c> folder (the source, not the copy beside the assembly).</summary>
    public static string FeaturesDirectory => Value(FeatureDirectory.MetadataKey);
}
