using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using AuthorizerConformance.Functions;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// A timed side-by-side run (<c>invoke-ratio [seconds] [concurrency]</c>): authorizer invocations per second of the same
/// small Node authorizer (<c>harness/bench/node-authorizer/authorizer.js</c>) through the warm node: bootstrap, through
/// a fresh process per call, and through serverless-offline 13.10.1 in the same run (issue 10, Performance). Every
/// answer is checked (an Allow for the token's userId); a run with a wrong answer fails instead of printing a number.
/// </summary>
public static class InvokeRatio
{
    internal const string MethodArn = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/dev/GET/hello";

    internal static readonly string Folder = typeof(InvokeRatio).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NodeAuthorizerDirectory").Value!;

    public static int Run(string[] args, TextWriter output)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var duration = TimeSpan.FromSeconds(seconds);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var token = Token(secret, "user-42");
        var eventJson = Encoding.UTF8.GetBytes($$"""{"type":"TOKEN","authorizationToken":"Bearer {{token}}","methodArn":"{{MethodArn}}"}""");
        var environment = new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = secret };
        var info = new FunctionStartInfo($"node:{Path.Combine(Folder, "authorizer.js")}#handler", Folder, environment, TimeSpan.FromSeconds(10), concurrency);

        output.WriteLine($"invoke-ratio: {duration.TotalSeconds:0.#} s per arm, {concurrency} in parallel, {Environment.ProcessorCount} cores, load average before: {LoadAverage()}");
        var warm = Warm(info, eventJson, duration, concurrency).GetAwaiter().GetResult();
        var spawn = SpawnPerCall(info, eventJson, duration, concurrency).GetAwaiter().GetResult();
        var peer = ServerlessOfflinePeer.Measure(secret, token, eventJson, duration, concurrency, output).GetAwaiter().GetResult();
        output.WriteLine($"load average after: {LoadAverage()}");
        output.WriteLine();
        output.WriteLine("| Path | Invocations/s | Warm bootstrap is |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine($"| Runtime API host, warm node: bootstrap (pool {concurrency}) | {warm:N0} | 1.0× |");
        output.WriteLine($"| A fresh node process per call (same host) | {spawn:N0} | {warm / spawn:0.0}× faster |");
        foreach (var (name, rate) in peer)
            output.WriteLine($"| {name} | {(rate is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "not run")} | {(rate is { } p ? $"{warm / p:0.0}× faster" : "–")} |");
        return 0;
    }

    private static async Task<double> Warm(FunctionStartInfo info, byte[] eventJson, TimeSpan duration, int concurrency)
    {
        await using var host = FunctionHosts.Start(info);
        await Loop(() => Once(host, eventJson), TimeSpan.FromSeconds(1), concurrency).ConfigureAwait(false);
        return await Loop(() => Once(host, eventJson), duration, concurrency).ConfigureAwait(false);
    }

    private static Task<double> SpawnPerCall(FunctionStartInfo info, byte[] eventJson, TimeSpan duration, int concurrency) =>
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

    /// <summary>Runs <paramref name="call"/> from <paramref name="concurrency"/> loops for <paramref name="duration"/>; calls per second.</summary>
    internal static async Task<double> Loop(Func<Task> call, TimeSpan duration, int concurrency)
    {
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
        return counts.Sum() / clock.Elapsed.TotalSeconds;
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
