using System.Collections.Concurrent;
using System.Reflection;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Every <c>.feature</c> file under one folder, parsed at run time. A file that does not parse is kept as a
/// <see cref="FeatureFile"/> with a load error, so it becomes a failing test instead of disappearing.
/// </summary>
public sealed class FeatureCatalog
{
    private static readonly Lock DefaultsLock = new();
    private static readonly Dictionary<Assembly, FeatureCatalog> Defaults = [];

    private readonly ConcurrentDictionary<string, FeatureFile> _current = new(StringComparer.Ordinal);

    private FeatureCatalog(string directory, IReadOnlyList<FeatureFile> files)
    {
        Directory = directory;
        Files = files;
        foreach (var file in files)
            _current[file.RelativePath] = file;
    }

    /// <summary>The folder the features were read from.</summary>
    public string Directory { get; }

    /// <summary>The feature files, ordered by relative path.</summary>
    public IReadOnlyList<FeatureFile> Files { get; }

    /// <summary>Every runnable row: scenarios, Examples rows and load failures, in file order.</summary>
    public IEnumerable<ScenarioDefinition> Scenarios => Files.SelectMany(f => f.Scenarios);

    /// <summary>The catalog of <paramref name="testAssembly"/>'s features folder, loaded once per process.</summary>
    public static FeatureCatalog For(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        lock (DefaultsLock)
        {
            if (!Defaults.TryGetValue(testAssembly, out var catalog))
                Defaults[testAssembly] = catalog = Load(FeatureDirectory.Resolve(testAssembly));
            return catalog;
        }
    }

    /// <summary>Reads every <c>*.feature</c> below <paramref name="directory"/>. Never throws for a bad file.</summary>
    public static FeatureCatalog Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
            return new FeatureCatalog(directory, [FeatureFile.Missing(directory)]);
        var files = System.IO.Directory.EnumerateFiles(directory, "*.feature", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .AsParallel().AsOrdered() // each file parses on its own (discovery waits for all of them): one per core
            .Select(relativePath => FeatureFile.Load(directory, relativePath))
            .ToList();
        return new FeatureCatalog(directory, files);
    }

    /// <summary>
    /// Finds the row with <paramref name="key"/> in <paramref name="relativePath"/>, re-reading the file so that a
    /// file edited since discovery is seen as it is now. Null when the row no longer exists.
    /// </summary>
    public ScenarioDefinition? Find(string relativePath, string key)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var file = _current.TryGetValue(relativePath, out var known) && known.IsCurrent()
            ? known // unchanged: keep the same FeatureInfo, so Reqnroll sees one feature, not one per scenario
            : _current[relativePath] = FeatureFile.Load(Directory, relativePath);
        return file.Scenarios.FirstOrDefault(s => s.Key == key);
    }
}
