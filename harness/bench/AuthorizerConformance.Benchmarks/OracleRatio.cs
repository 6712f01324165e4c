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
/// ratios. Target: ≥ 1000× the oracle's throughput.
/// </summary>
public static class OracleRatio
{
    internal const int DefaultCases = 10_000;
    internal const ulong DefaultSeed = 20251126UL;

    public static int Run(string[] args, TextWriter output)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultCases;
        var seed = args.Length > 1 ? ulong.Parse(args[1], CultureInfo.InvariantCulture) : DefaultSeed;
        var pcg = new PCG(1, seed);
        var cases = Enumerable.Range(0, count).Select(_ => PolicyGen.DifferentialCase.Generate(pcg, null, out Size _)).ToArray();
        var texts = cases.Select(c => c.PolicyJson).ToArray();
        var requests = cases.Select(c => c.Request()).ToArray();
        var compiled = texts.Select(t => PolicyParser.Parse(t)).ToArray();

        var full = Best(() => { for (var i = 0; i < count; i++) PolicyParser.Parse(texts[i]).Evaluate(requests[i]); });
        var hot = Best(() => { for (var i = 0; i < count; i++) compiled[i].Evaluate(requests[i]); });
        var (oracleTotal, oracleStartup) = TimeOracle(cases.Select(c => c.ToOracleLine()).ToArray());
        var oracle = oracleTotal - oracleStartup;

        output.WriteLine($"cases {count}, seed {seed}");
        output.WriteLine($"node oracle:                {oracleTotal.TotalSeconds:F2} s total, {oracleStartup.TotalSeconds:F2} s start-up -> {count / oracle.TotalSeconds:N0} cases/s");
        output.WriteLine($"C# parse+compile+evaluate:  {full.TotalMilliseconds:F1} ms -> {count / full.TotalSeconds:N0} cases/s, ratio {oracle / full:N0}x");
        output.WriteLine($"C# compiled evaluate:       {hot.TotalMilliseconds:F2} ms -> {count / hot.TotalSeconds:N0} cases/s, ratio {oracle / hot:N0}x");
        return 0;
    }

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
