namespace AuthorizerConformance.Cli.Tests;

/// <summary>
/// The authz .NET tool as a team uses it: <c>dotnet pack</c> of the built CLI, <c>dotnet tool install --tool-path …
/// --add-source …</c> from that local folder (a private packages folder, so no cached copy stands in for it), then
/// <c>authz run</c> in a scratch folder holding only a feature, a profile and a Python authorizer.
/// </summary>
public class ToolPackageTests
{
    [Fact]
    public async Task The_packed_tool_installs_from_a_local_folder_and_judges_a_scratch_project()
    {
        var work = Directory.CreateTempSubdirectory("authz-tool-").FullName;
        try
        {
            var packages = Path.Combine(work, "nupkg");
            var (packed, packOutput) = await AuthzProcess.RunAsync("dotnet",
                ["pack", AuthzProcess.CliProject, "--no-build", "--configuration", AuthzProcess.Configuration, "--output", packages, "-v", "q"],
                AuthzProcess.RepoRoot, []);
            Assert.True(packed == 0, packOutput);
            var tools = Path.Combine(work, "tools");
            var (installed, installOutput) = await AuthzProcess.RunAsync("dotnet",
                ["tool", "install", "AuthorizerConformance.Tool", "--tool-path", tools, "--add-source", packages],
                work, new() { ["NUGET_PACKAGES"] = Path.Combine(work, "nuget-packages") });
            Assert.True(installed == 0, installOutput);

            var scratch = Path.Combine(work, "our-repo");
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "ToolScratch"), scratch);
            Assert.Equal(["authorizer.py", "features/OurAuthorizer.feature", "profile.json"],
                Directory.EnumerateFiles(scratch, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(scratch, f).Replace('\\', '/')).Order());
            var (code, output) = await AuthzProcess.RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "authz.exe" : "authz"),
                ["run", "--no-builtin", "--features", "features", "--profile", "profile.json", "--report", "reports"],
                scratch, new() { ["CI"] = "true" });

            Assert.True(code == 0, output);
            Assert.Contains("[2/2] passed  Our authorizer: ", output, StringComparison.Ordinal); // scenarios run in parallel: any order
            Assert.Contains("passed  Our authorizer: Our authorizer refuses a token signed with another key", output, StringComparison.Ordinal);
            Assert.Contains("Authorizer under test (profile 'scratch-python', profile.json): PASSED — 2 passed, 0 failed, 0 skipped", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(scratch, "reports", "junit.xml")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
