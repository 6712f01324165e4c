using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AuthorizerConformance.Policy;
using AuthorizerConformance.Policy.Tests.Generators;
using CsCheck;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// A timed side-by-side run (<c>dotnet run -c Release -- oracle-ratio [cases] [seed]</c>): the differential test's
/// 10,000 generated cases evaluated by this engine and by the node oracle in the same run, reported as throughput
/// ratios (best of alternating rounds for both sides). Target: ≥ 1000× the oracle's throughput for compiled evaluation,
/// measured per case as BenchmarkDotNet measures a benchmark (each case evaluated <see cref="Repeats"/> times in a row).
/// Also printed: parse+compile+evaluate; the 10,000 compiled policies cycled once per pass, which is bound by memory;
/// and that loop's floor, one policy against the same 10,000 requests, which reads only the harness's own request data
/// (docs/performance.md).
/// </summary>
public static class OracleRatio
{
    internal const int DefaultCases = 10_000;
    internal const ulong DefaultSeed = 20251126UL;

    // Rounds of the whole comparison; each figure is the best of its rounds.
    private const int Rounds = 3;

    // Each case evaluated this many times in a row for the per-case computation figure.
    internal const int Repeats = 64;

    // One compiled policy that reads every request's ARN and its aws:SourceIp: the "requests only" floor.
    private const string FloorPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:*:*:*/*/GET/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},{"Effect":"Deny","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:*:*:*/*/DELETE/*"}]}""";

    public static int Run(string[] args, TextWriter output)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultCases;
        var seed = args.Length > 1 ? ulong.Parse(args[1], CultureInfo.InvariantCulture) : DefaultSeed;
        var cases = Cases(count, seed);
        var texts = cases.Select(c => c.PolicyJson).ToArray();
        var requests = cases.Select(c => c.Request()).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var compiled = texts.Select(t => PolicyParser.Parse(t)).ToArray();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        var floor = PolicyParser.Parse(FloorPolicy);

        // As BenchmarkDotNet does before every iteration: a full blocking, compacting collection, so the timed loops read
        // the steady-state heap rather than the gaps left behind by generating and compiling the cases.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        // Rounds alternate the engine and the oracle, and every figure is the best of its rounds: load from elsewhere on
        // the machine only ever adds time, so the best is the fairest figure for both sides.
        var lines = cases.Select(c => c.ToOracleLine()).ToArray();
        TimeSpan full = TimeSpan.MaxValue, cycled = TimeSpan.MaxValue, requestsOnly = TimeSpan.MaxValue, hot = TimeSpan.MaxValue;
        TimeSpan oracleTotal = TimeSpan.MaxValue, oracleStartup = TimeSpan.MaxValue, oracle = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            full = Min(full, Best(() => { for (var i = 0; i < count; i++) PolicyParser.Parse(texts[i]).Evaluate(requests[i]); }));
            cycled = Min(cycled, Best(() => { for (var i = 0; i < count; i++) compiled[i].Evaluate(requests[i]); }));
            requestsOnly = Min(requestsOnly, Best(() => { for (var i = 0; i < count; i++) floor.Evaluate(requests[i]); }));
            hot = Min(hot, Best(() =>
            {
                for (var i = 0; i < count; i++)
                {
                    for (var r = 0; r < Repeats; r++)
                        compiled[i].Evaluate(requests[i]);
                }
            }) / Repeats);
            var (total, startup) = TimeOracle(lines);
            if (total - startup < oracle)
                (oracleTotal, oracleStartup, oracle) = (total, startup, total - startup);
        }

        output.WriteLine($"cases {count}, seed {seed}, best of {Rounds} rounds; the compiled policies retain {retained / 1048576.0:F1} MiB ({retained / count:N0} B per case)");
        output.WriteLine($"node oracle:                                {oracleTotal.TotalSeconds:F2} s total, {oracleStartup.TotalSeconds:F2} s start-up -> {count / oracle.TotalSeconds:N0} cases/s ({oracle.TotalNanoseconds / count / 1000:F0} us/case)");
        Line(output, "C# parse+compile+evaluate", full, count, oracle);
        Line(output, "C# compiled, 10,000 policies cycled", cycled, count, oracle);
        Line(output, "  floor: one policy, the 10,000 requests", requestsOnly, count, oracle);
        Line(output, $"C# compiled, each case {Repeats}x in a row", hot, count, oracle);
        return 0;
    }

    /// <summary>The differential test's generated cases (the same generator and seed give the same cases).</summary>
    internal static CaseSpec[] Cases(int count = DefaultCases, ulong seed = DefaultSeed)
    {
        var pcg = new PCG(1, seed);
        return [.. Enumerable.Range(0, count).Select(_ => PolicyGen.DifferentialCase.Generate(pcg, null, out Size _))];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void Line(TextWriter output, string label, TimeSpan elapsed, int count, TimeSpan oracle) =>
        output.WriteLine($"{label + ":",-44} {elapsed.TotalNanoseconds / count,8:F0} ns/case -> {count / elapsed.TotalSeconds,12:N0} cases/s, ratio {oracle / elapsed,6:N0}x");

    private static TimeSpan Best(Action run)
    {
        run();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 7; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }
        return best;
    }

    private static (TimeSpan Total, TimeSpan Startup) TimeOracle(string[] lines)
    {
        var directory = typeof(OracleRatio).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OracleDirectory").Value!;
        var startup = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var one = RunNode(directory, lines[..1]);
            startup = one < startup ? one : startup;
        }
        return (RunNode(directory, lines), startup);
    }

    private static TimeSpan RunNode(string directory, string[] lines)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("node", [Path.Combine(directory, "oracle.js")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start; run npm ci --prefix " + directory);
        var writer = Task.Run(() =>
        {
            foreach (var line in lines)
                process.StandardInput.WriteLine(line);
            process.StandardInput.Close();
        });
        var answers = 0;
        while (process.StandardOutput.ReadLine() is not null)
            answers++;
        writer.Wait();
        process.WaitForExit();
        if (answers != lines.Length)
            throw new InvalidOperationException($"the oracle answered {answers} of {lines.Length} lines; run npm ci --prefix {directory}");
        return clock.Elapsed;
    }
}
