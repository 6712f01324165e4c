using System.Diagnostics;

namespace AuthorizerConformance.Steps.FailureReports;

/// <summary>
/// Headless Debian <c>chromium</c> for the report tests: renders a page and returns its DOM after the scripts ran.
/// <c>.ci/run</c> installs it; where it is missing the test fails and says how to install it.
/// </summary>
public static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>The chromium executable on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);

    /// <summary>The chromium executable, or a failure that says how to get it.</summary>
    public static string Require() =>
        Find() ?? throw new InvalidOperationException(
            "The browser test needs Debian's headless chromium, which is not installed: run `apt-get update && apt-get install -y chromium` " +
            "(.ci/run installs it in CI).");

    /// <summary>The DOM of <paramref name="file"/> once its scripts have run (virtual time, so no waiting on the wall clock).</summary>
    public static Task<string> DumpDomAsync(string file) => RunAsync(file, "--dump-dom");

    /// <summary>Writes a PNG screenshot of <paramref name="file"/> at <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static Task<string> ScreenshotAsync(string file, string png, int width, int height) =>
        RunAsync(file, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars");

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("chromium-profile-");
        var start = new ProcessStartInfo(Require()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
                     "--virtual-time-budget=15000",
                 }.Concat(arguments).Append(new Uri(Path.GetFullPath(file)).AbsoluteUri))
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish rendering {file} within 90 s: {await stderr}");
            }
            var dom = await stdout;
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await stderr}");
            return dom;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
