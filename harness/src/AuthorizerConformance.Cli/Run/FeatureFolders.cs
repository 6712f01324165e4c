namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// Lays out the folders of one run under a single features folder (the runner reads one): <c>builtin/</c> for the
/// built-in features, then one entry per <c>--features</c> folder named after it (<c>features</c>, <c>features-2</c>…).
/// Each entry is a symbolic link to the folder, so files a feature names relative to itself stay where they are;
/// where links cannot be made the folder is copied.
/// </summary>
internal static class FeatureFolders
{
    /// <summary>The entry of the built-in features.</summary>
    public const string BuiltinName = "builtin";

    public static string Create(string root, string? builtin, IReadOnlyList<string> teamFolders)
    {
        Directory.CreateDirectory(root);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (builtin is not null)
        {
            if (!Directory.Exists(builtin))
                throw new UsageException($"the built-in features are missing: {builtin} (rebuild, or reinstall the tool; or run with --no-builtin).");
            Link(Path.Combine(root, BuiltinName), builtin);
            names.Add(BuiltinName);
        }
        foreach (var folder in teamFolders)
        {
            var full = Path.GetFullPath(folder);
            var name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) is { Length: > 0 } n ? n : "features";
            var unique = name;
            for (var i = 2; !names.Add(unique); i++)
                unique = $"{name}-{i}";
            Link(Path.Combine(root, unique), full);
        }
        return root;
    }

    /// <summary>Every <c>--features</c> folder exists, and there is something to run.</summary>
    public static void Check(IReadOnlyList<string> teamFolders, bool noBuiltin)
    {
        foreach (var folder in teamFolders)
        {
            if (!Directory.Exists(folder))
                throw new UsageException($"--features: folder '{folder}' not found.");
        }
        if (noBuiltin && teamFolders.Count == 0)
            throw new UsageException("nothing to run: --no-builtin needs at least one --features folder.");
    }

    /// <summary>Deletes the run's folder without following its links into the folders they point at.</summary>
    public static void Delete(string directory)
    {
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(directory, "features")))
            {
                if (new DirectoryInfo(entry).LinkTarget is not null)
                    Directory.Delete(entry); // removes the link only
            }
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a temporary folder left behind is not worth failing a finished run for
        }
    }

    private static void Link(string path, string target)
    {
        try
        {
            Directory.CreateSymbolicLink(path, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            Copy(target, path);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
