namespace AuthorizerConformance.Harness.Tests;

/// <summary>Where the repository's files are, found from the test's output folder.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding AuthorizerConformance.sln).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AuthorizerConformance.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("the repository root (AuthorizerConformance.sln) is not above the test's folder");
    }
}
