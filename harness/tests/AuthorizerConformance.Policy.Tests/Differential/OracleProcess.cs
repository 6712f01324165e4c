using System.Diagnostics;
using System.Reflection;

namespace AuthorizerConformance.Policy.Tests.Differential;

/// <summary>
/// Runs the test-only node oracle (oracle/oracle.js over @cloud-copilot/iam-simulate, AGPL) as a separate process:
/// all cases go in on stdin as JSON lines, one answer per line comes back. Never linked into product code.
/// </summary>
internal static class OracleProcess
{
    public static string Directory { get; } =
        typeof(OracleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OracleDirectory").Value!;

    /// <summary>Fails (never skips) with the command to run when node or the oracle's node_modules are missing.</summary>
    public static void EnsureInstalled()
    {
        var install = $"run `npm ci --prefix {Directory}` (CI: .ci/run does this) and make sure `node` is on PATH";
        var simulate = Path.Combine(Directory, "node_modules", "@cloud-copilot", "iam-simulate", "package.json");
        if (!File.Exists(simulate))
            Assert.Fail($"The differential oracle is not installed: {simulate} is missing. {install}.");
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            node.WaitForExit();
            if (node.ExitCode != 0)
                Assert.Fail($"`node --version` exited with {node.ExitCode}. {install}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"node could not be started ({ex.Message}). {install}.");
        }
    }

    /// <summary>Sends every line and returns the oracle's answers in order, one process per core (§2.4: shard to scale).</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<string> lines, CancellationToken cancellation)
    {
        EnsureInstalled();
        var shards = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var size = (lines.Count + shards - 1) / shards;
        var parts = await Task.WhenAll(lines.Chunk(Math.Max(size, 1)).Select(chunk => RunShardAsync(chunk, cancellation)));
        return [.. parts.SelectMany(p => p)];
    }

    private static async Task<IReadOnlyList<string>> RunShardAsync(IReadOnlyList<string> lines, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Directory, "oracle.js")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        var writer = Task.Run(async () =>
        {
            foreach (var line in lines)
                await process.StandardInput.WriteLineAsync(line.AsMemory(), cancellation);
            process.StandardInput.Close();
        }, cancellation);
        var answers = new List<string>(lines.Count);
        while (await process.StandardOutput.ReadLineAsync(cancellation) is { } answer)
            answers.Add(answer);
        await writer;
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0 || answers.Count != lines.Count)
            Assert.Fail($"The oracle exited with {process.ExitCode} after {answers.Count} of {lines.Count} answers: {await stderr}");
        return answers;
    }
}
