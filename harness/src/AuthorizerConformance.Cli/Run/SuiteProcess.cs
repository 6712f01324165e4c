using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AuthorizerConformance.Cli.Run;

/// <summary>
/// Runs the built conformance suite (the steps test application that <c>dotnet test</c> runs) as a child process,
/// with xUnit's own in-process runner reporting every test as a JSON line. The verdicts are xUnit's, so they are
/// the ones <c>dotnet test</c> gives by construction.
/// </summary>
internal static class SuiteProcess
{
    /// <summary>The suite's test class (the theory with one row per scenario and Examples row).</summary>
    public const string FeatureTestsClass = "AuthorizerConformance.Steps.FeatureTests";

    /// <summary>
    /// Runs <paramref name="suiteAssembly"/> with <paramref name="environment"/> added, handing every line xUnit reports
    /// to <paramref name="onLine"/>. Returns the exit code and the last lines of what was not a report line (for a crash).
    /// </summary>
    public static async Task<(int ExitCode, string OtherOutput)> RunAsync(
        string suiteAssembly, IReadOnlyDictionary<string, string?> environment, Action<string> onLine, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(suiteAssembly)!, // as dotnet test runs it: in its own folder
        };
        foreach (var argument in new[] { "exec", suiteAssembly, "-noLogo", "-noColor", "-class", FeatureTestsClass, "-reporter", "json" })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        var other = new Queue<string>();
        void Keep(string line)
        {
            lock (other)
            {
                other.Enqueue(line);
                if (other.Count > 40)
                    other.Dequeue();
            }
        }
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            if (e.Data.StartsWith("{\"$type\":", StringComparison.Ordinal))
                onLine(e.Data);
            else
                Keep(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                Keep(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit(); // drains the redirected streams
        lock (other)
            return (process.ExitCode, string.Join(Environment.NewLine, other));
    }

    /// <summary>The <c>dotnet</c> host running this process (a tool shim or apphost is not it), found from the runtime's folder.</summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == name)
            return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            return hostPath;
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var root = runtime.Parent?.Parent?.Parent?.FullName;
        return root is not null && File.Exists(Path.Combine(root, name)) ? Path.Combine(root, name) : name;
    }
}
