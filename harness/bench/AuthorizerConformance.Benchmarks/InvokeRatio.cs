using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using AuthorizerConformance.Functions;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// A timed side-by-side run (<c>invoke-ratio [seconds] [concurrency] [seed|port] [warm-only]</c>): authorizer invocations per second
/// of the same Node authorizer through the warm node: bootstrap, through a fresh process per call, and through
/// serverless-offline 13.10.1 in the same run (issue 10, Performance). The authorizer is the seed example's
/// (<c>examples/seed-authorizer/auth.js</c>, jsonwebtoken; the default, the measure issue 10 names) or <c>port</c>, its
/// dependency-free port (<c>harness/bench/node-authorizer/authorizer.js</c>). Beside each rate: the CPU time the whole
/// process tree (this process, its function processes, the peer's server) spent per invocation, which a loaded machine
/// disturbs far less than the rate. Every answer is checked (an Allow for the token's userId); a run with a wrong answer
/// fails instead of printing a number.
/// </summary>
public static class InvokeRatio
{
    internal const string MethodArn = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/dev/GET/hello";

    internal static readonly string Folder = typeof(InvokeRatio).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NodeAuthorizerDirectory").Value!;

    /// <summary>
    /// One arm's result: calls per second (wall clock), the process tree's CPU time per call, and the part of it spent
    /// in this process (the harness host, or the HTTP client calling the peer).
    /// </summary>
    internal sealed record Rate(double PerSecond, TimeSpan? CpuPerCall, TimeSpan? SelfCpuPerCall, long AllocatedPerCall)
    {
        public string Cpu => CpuPerCall is { } cpu && SelfCpuPerCall is { } self
            ? $"{cpu.TotalMicroseconds:N0} µs ({self.TotalMicroseconds:N0} in this process)"
            : "n/a";
    }

    /// <summary>Which authorizer the run measures: its file for the node: bootstrap, its function name in serverless.yml.</summary>
    internal sealed record Subject(string Name, string File, string ServerlessFunction, string HttpPath, bool Bearer);

    internal static Subject Seed { get; } = new("seed example (examples/seed-authorizer/auth.js, jsonwebtoken)",
        Path.GetFullPath(Path.Combine(Folder, "../../../examples/seed-authorizer/auth.js")), "seed", "/hello-seed", Bearer: false);

    internal static Subject Port { get; } = new("dependency-free port (harness/bench/node-authorizer/authorizer.js)",
        Path.Combine(Folder, "authorizer.js"), "authorizer", "/hello", Bearer: true);

    public static int Run(string[] args, TextWriter output)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var subject = args.Length > 2 && args[2] == "port" ? Port : Seed;
        if (!File.Exists(subject.File) || (subject == Seed && !Directory.Exists(Path.Combine(Path.GetDirectoryName(subject.File)!, "node_modules"))))
        {
            output.WriteLine($"{subject.File} or its node_modules is missing: run npm ci --prefix {Path.GetDirectoryName(subject.File)}");
            return 2;
        }
        var duration = TimeSpan.FromSeconds(seconds);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var token = Token(secret, "user-42");
        var credentials = subject.Bearer ? $"Bearer {token}" : token; // the seed refuses Bearer (one of its flaws)
        var eventJson = Encoding.UTF8.GetBytes($$"""{"type":"TOKEN","authorizationToken":"{{credentials}}","methodArn":"{{MethodArn}}"}""");
        var environment = new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = secret };
        var info = new FunctionStartInfo($"node:{subject.File}#handler", Path.GetDirectoryName(subject.File)!, environment, TimeSpan.FromSeconds(10), concurrency);

        output.WriteLine($"invoke-ratio: {subject.Name}; {duration.TotalSeconds:0.#} s per arm, {concurrency} in parallel, {Environment.ProcessorCount} cores, load average before: {LoadAverage()}");
        var warm = Warm(info, eventJson, duration, concurrency).GetAwaiter().GetResult();
        if (args.Length > 3 && args[3] == "warm-only")
        {
            // For A/B comparisons of the host: the warm arm alone, nothing else in the run.
            output.WriteLine($"load average after: {LoadAverage()}");
            output.WriteLine($"| Runtime API host, warm node: bootstrap (pool {concurrency}) | {warm.PerSecond:N0} /s | {warm.Cpu} per invocation | {warm.AllocatedPerCall:N0} B allocated per invocation in this process |");
            return 0;
        }
        var spawn = SpawnPerCall(info, eventJson, duration, concurrency).GetAwaiter().GetResult();
        var peer = ServerlessOfflinePeer.Measure(subject, secret, credentials, eventJson, duration, concurrency, output).GetAwaiter().GetResult();
        output.WriteLine($"load average after: {LoadAverage()}");
        output.WriteLine();
        output.WriteLine("| Path | Invocations/s | Warm bootstrap is | CPU per invocation (process tree) | Warm bootstrap's CPU is |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        output.WriteLine($"| Runtime API host, warm node: bootstrap (pool {concurrency}) | {warm.PerSecond:N0} | 1.0× | {warm.Cpu} | 1.0× |");
        output.WriteLine($"| A fresh node process per call (same host) | {spawn.PerSecond:N0} | {warm.PerSecond / spawn.PerSecond:0.0}× faster | {spawn.Cpu} | {CpuRatio(warm, spawn)} |");
        foreach (var (name, rate) in peer)
        {
            output.WriteLine(rate is { } r
                ? $"| {name} | {r.PerSecond:N0} | {warm.PerSecond / r.PerSecond:0.0}× faster | {r.Cpu} | {CpuRatio(warm, r)} |"
                : $"| {name} | not run | – | – | – |");
        }
        return 0;
    }

    private static string CpuRatio(Rate warm, Rate other) =>
        warm.CpuPerCall is { } w && other.CpuPerCall is { } o && w > TimeSpan.Zero ? $"{o / w:0.0}× less" : "–";

    private static async Task<Rate> Warm(FunctionStartInfo info, byte[] eventJson, TimeSpan duration, int concurrency)
    {
        await using var host = FunctionHosts.Start(info);
        await Loop(() => Once(host, eventJson), TimeSpan.FromSeconds(1), concurrency).ConfigureAwait(false);
        return await Loop(() => Once(host, eventJson), duration, concurrency).ConfigureAwait(false);
    }

    private static Task<Rate> SpawnPerCall(FunctionStartInfo info, byte[] eventJson, TimeSpan duration, int concurrency) =>
        Loop(async () =>
        {
            await using var host = FunctionHosts.Start(info with { PoolSize = 1 });
            await Once(host, eventJson).ConfigureAwait(false);
        }, duration, concurrency);

    private static async Task Once(IFunctionHost host, byte[] eventJson)
    {
        var outcome = await host.InvokeAsync(eventJson, TimeSpan.FromSeconds(10), TextWriter.Null, CancellationToken.None).ConfigureAwait(false);
        Check(outcome is AuthorizerInvocation.Returned returned ? Encoding.UTF8.GetString(returned.ResponseJson.Span) : outcome.ToString());
    }

    /// <summary>Every answer must be the Allow for user-42; anything else stops the run.</summary>
    internal static void Check(string answer)
    {
        if (!answer.Contains("\"principalId\":\"user-42\"", StringComparison.Ordinal) || !answer.Contains("\"Effect\":\"Allow\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"wrong answer: {answer[..Math.Min(answer.Length, 300)]}");
    }

    /// <summary>
    /// Runs <paramref name="call"/> from <paramref name="concurrency"/> loops for <paramref name="duration"/>: calls per
    /// second, and the process tree's CPU time per call over the same window.
    /// </summary>
    internal static async Task<Rate> Loop(Func<Task> call, TimeSpan duration, int concurrency)
    {
        var cpu = ProcessTreeCpu.Now();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var count = 0;
            while (clock.Elapsed < duration)
            {
                await call().ConfigureAwait(false);
                count++;
            }
            return count;
        }))).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var calls = counts.Sum();
        var allocatedPerCall = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / calls;
        var after = cpu is null ? null : ProcessTreeCpu.Now();
        return new(calls / elapsed.TotalSeconds, (after?.Tree - cpu?.Tree) / calls, (after?.Self - cpu?.Self) / calls, allocatedPerCall);
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Token(string secret, string userId)
    {
        static string Part(string json) => Base64Url(Encoding.UTF8.GetBytes(json));
        var signingInput = $"{Part("""{"alg":"HS256","typ":"JWT"}""")}.{Part($$"""{"userId":"{{userId}}","role":"reader","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""")}";
        return $"{signingInput}.{Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signingInput)))}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
