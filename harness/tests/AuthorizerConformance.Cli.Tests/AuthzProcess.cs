using System.Diagnostics;
using System.Reflection;

namespace AuthorizerConformance.Cli.Tests;

/// <summary>Runs a program as a child process (the built authz, dotnet test, an installed tool) and captures its output.</summary>
internal static class AuthzProcess
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string AuthzAssembly { get; } = Metadata("AuthzAssembly");

    public static string Configuration { get; } = Metadata("Configuration");

    public static string CliProject { get; } = Metadata("CliProject");

    public static string FixtureFeatures { get; } = Path.Combine(AppContext.BaseDirectory, "RunFixtures", "team");

    /// <summary>Runs <c>dotnet authz.dll run …</c> with CI set (plain output), in <paramref name="workingDirectory"/>.</summary>
    public static Task<(int ExitCode, string Output)> AuthzRunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync("dotnet", [AuthzAssembly, "run", .. arguments], workingDirectory, new() { ["CI"] = "true" });

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in new[] { "AUTHZ_PROFILE", "AUTHZ_TAGS", "AUTHZ_FEATURES_DIR", "AUTHZ_API", "AUTHZ_API_NAME", "GITHUB_STEP_SUMMARY" })
            start.Environment.Remove(name); // the outer run's settings are not this run's
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not end within 3 minutes.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Metadata(string key) =>
        typeof(AuthzProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
