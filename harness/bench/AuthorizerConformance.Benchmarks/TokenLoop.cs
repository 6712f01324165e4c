using System.Diagnostics;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// <c>token-loop [alg] [iterations]</c>: the <see cref="TokenValidationBenchmarks"/> invocation in a plain loop, for
/// instruction counts under <c>valgrind --tool=callgrind</c> (steady on a loaded machine, where wall clock is not)
/// and a quick mean: wall clock, and the process's CPU time, which a loaded machine inflates less. The first 200 invocations warm up the JIT and are not timed. Under
/// <c>valgrind --tool=callgrind --instr-atstart=no</c> with <c>TOKEN_LOOP_CALLGRIND=1</c> set, instrumentation is
/// switched on (through <c>callgrind_control</c>) only around the timed loop, so key generation and JIT compilation
/// stay out of the count.
/// </summary>
internal static class TokenLoop
{
    public static void Run(IReadOnlyList<string> args, TextWriter output)
    {
        var alg = args.Count > 0 ? args[0] : "HS256";
        var iterations = args.Count > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        using var bench = new TokenValidationBenchmarks { Alg = alg };
        bench.Setup();
        for (var i = 0; i < 200; i++)
            _ = bench.Validate().GetAwaiter().GetResult();
        var callgrind = Environment.GetEnvironmentVariable("TOKEN_LOOP_CALLGRIND") == "1";
        if (callgrind)
            Instrument("on");
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
            _ = bench.Validate().GetAwaiter().GetResult();
        watch.Stop();
        if (callgrind)
            Instrument("off");
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine($"{alg}: {iterations} invocations, {watch.Elapsed.TotalMicroseconds / iterations:F2} µs mean wall clock, {cpu.TotalMicroseconds / iterations:F2} µs CPU time (process), {allocated / iterations} B allocated each");
    }

    private static void Instrument(string state)
    {
        using var control = Process.Start("callgrind_control", ["--instr=" + state, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        control.WaitForExit();
    }
}
