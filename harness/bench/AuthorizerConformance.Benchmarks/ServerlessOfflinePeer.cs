using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// The peer of <see cref="InvokeRatio"/>: serverless-offline 13.10.1 (with serverless 3.40.0, its peer dependency)
/// serving the same authorizer (the seed example through seed.js, or authorizer.js), installed on demand into <c>harness/bench/node-authorizer/node_modules</c>. Two
/// figures: its Lambda Invoke API (one authorizer invocation per call: like for like with the harness) and an HTTP
/// request through its API Gateway emulation (authorizer with a 0 s cache TTL, then the hello backend).
/// </summary>
internal static class ServerlessOfflinePeer
{
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(120);

    public static async Task<List<(string Name, InvokeRatio.Rate? Rate)>> Measure(InvokeRatio.Subject subject, string secret, string credentials, byte[] eventJson, TimeSpan duration, int concurrency, TextWriter output)
    {
        var notRun = new List<(string, InvokeRatio.Rate?)> { ("serverless-offline 13.10.1, Lambda Invoke API", null), ("serverless-offline 13.10.1, HTTP through authorizer + backend", null) };
        var folder = InvokeRatio.Folder;
        var cli = Path.Combine(folder, "node_modules", "serverless", "bin", "serverless.js");
        if (!File.Exists(cli) && !await Install(folder, output).ConfigureAwait(false))
            return notRun;
        var (httpPort, lambdaPort) = (FreePort(), FreePort());
        var start = new ProcessStartInfo("node", [cli, "offline", "start", "--host", "127.0.0.1", "--httpPort", $"{httpPort}", "--lambdaPort", $"{lambdaPort}", "--noPrependStageInUrl"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AUTH_TOKEN_SALT"] = secret;
        start.Environment["SLS_TELEMETRY_DISABLED"] = "1";
        start.Environment["SLS_NOTIFICATIONS_MODE"] = "off";
        start.Environment["SLS_INTERACTIVE_SETUP_DISABLE"] = "1";
        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            lock (log)
                log.AppendLine(e.Data);
            if (e.Data?.Contains("Server ready", StringComparison.Ordinal) == true)
                ready.TrySetResult();
        }
        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(ReadyWait)).ConfigureAwait(false) != ready.Task)
            {
                output.WriteLine($"serverless-offline did not become ready within {ReadyWait.TotalSeconds} s; its output:\n{log}");
                return notRun;
            }
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{lambdaPort}") };
            using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
            gateway.DefaultRequestHeaders.Add("Authorization", credentials);
            async Task Invoke()
            {
                using var content = new ByteArrayContent(eventJson);
                using var response = await client.PostAsync($"/2015-03-31/functions/authorizer-bench-dev-{subject.ServerlessFunction}/invocations", content).ConfigureAwait(false);
                InvokeRatio.Check(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            }
            async Task Http()
            {
                var body = await gateway.GetStringAsync(new Uri(subject.HttpPath, UriKind.Relative)).ConfigureAwait(false);
                if (body != """{"principal":"user-42"}""")
                    throw new InvalidOperationException($"wrong answer through serverless-offline's gateway: {body}");
            }
            await InvokeRatio.Loop(Invoke, TimeSpan.FromSeconds(1), concurrency).ConfigureAwait(false);
            var invoke = await InvokeRatio.Loop(Invoke, duration, concurrency).ConfigureAwait(false);
            await InvokeRatio.Loop(Http, TimeSpan.FromSeconds(1), concurrency).ConfigureAwait(false);
            var http = await InvokeRatio.Loop(Http, duration, concurrency).ConfigureAwait(false);
            return [(notRun[0].Item1, invoke), (notRun[1].Item1, http)];
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> Install(string folder, TextWriter output)
    {
        // The versions are pinned by package-lock.bench.json, copied to package-lock.json (git-ignored) for npm ci: under
        // its own name it is no lock file .ci/run installs (CI never runs this benchmark).
        output.WriteLine($"installing serverless-offline into {folder}/node_modules (npm ci from package-lock.bench.json; once)");
        File.Copy(Path.Combine(folder, "package-lock.bench.json"), Path.Combine(folder, "package-lock.json"), overwrite: true);
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = folder })!;
        await npm.WaitForExitAsync().ConfigureAwait(false);
        if (npm.ExitCode == 0)
            return true;
        output.WriteLine($"npm install failed with exit code {npm.ExitCode}: serverless-offline not measured");
        return false;
    }

    private static int FreePort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
