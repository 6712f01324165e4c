using System.Globalization;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// A plain loop for instruction-count profiling (<c>loop &lt;policy|cases&gt; [iterations] [hot]</c>), e.g. under
/// <c>valgrind --tool=callgrind</c>, whose counts stay repeatable on a loaded machine where wall-clock numbers do not.
/// <c>policy</c> is one of <see cref="PolicyEvaluationBenchmarks"/>' policies evaluated against its request;
/// <c>cases</c> evaluates the oracle-ratio run's 10,000 compiled cases once per iteration (each policy cold in cache,
/// as in the ratio run), or with <c>hot</c> each case <c>iterations</c> times in a row (compute cost alone);
/// <c>parse</c> parses and compiles those cases' 10,000 policy texts <c>iterations</c> times.
/// </summary>
public static class EvaluationLoop
{
    public static int Run(string[] args, TextWriter output)
    {
        var scenario = args.Length > 0 ? args[0] : "3-wildcard";
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        CompiledPolicy[] policies;
        PolicyRequest[] requests;
        if (scenario == "parse")
        {
            // Parse and compile the oracle-ratio run's 10,000 policy texts, iterations times (parser profiling).
            var texts = OracleRatio.Cases().Select(c => c.PolicyJson).ToArray();
            var valid = 0;
            var started = System.Diagnostics.Stopwatch.StartNew();
            for (var n = 0; n < iterations; n++)
            {
                foreach (var text in texts)
                    valid += PolicyParser.Parse(text).IsValid ? 1 : 0;
            }
            output.WriteLine($"parse: {iterations} x {texts.Length} documents, {started.Elapsed.TotalNanoseconds / ((double)iterations * texts.Length):F0} ns each; {valid} valid");
            return 0;
        }
        if (scenario == "cases")
        {
            var cases = OracleRatio.Cases();
            var valid = cases.Select(c => (Policy: PolicyParser.Parse(c.PolicyJson).Policy, Case: c)).Where(p => p.Policy is not null).ToArray();
            policies = [.. valid.Select(p => p.Policy!)];
            requests = [.. valid.Select(p => p.Case.Request())];
        }
        else
        {
            var benchmark = new PolicyEvaluationBenchmarks { Policy = scenario };
            benchmark.Setup();
            (policies, requests) = ([benchmark.Compiled], [benchmark.Request]);
        }
        // Warm-up passes first, so the timed loop runs tiered-up code.
        for (var warm = 0; warm < 50; warm++)
        {
            for (var i = 0; i < policies.Length; i++)
                policies[i].Evaluate(requests[i]);
        }
        var counts = new int[4];
        // Collect first, then start the clock: a forced full collection of the cases' heap is not evaluation time.
        var before = GC.GetTotalMemory(true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (args is [_, _, "hot", ..])
        {
            for (var i = 0; i < policies.Length; i++)
            {
                for (var n = 0; n < iterations; n++)
                    counts[(int)policies[i].Evaluate(requests[i]).Decision]++;
            }
        }
        else
        {
            for (var n = 0; n < iterations; n++)
            {
                for (var i = 0; i < policies.Length; i++)
                    counts[(int)policies[i].Evaluate(requests[i]).Decision]++;
            }
        }
        var each = clock.Elapsed.TotalNanoseconds / Math.Max(1.0, (double)iterations * policies.Length);
        output.WriteLine($"{scenario}: {iterations} x {policies.Length} evaluations, {each:F0} ns each, heap {before / 1024} KiB; Allow {counts[0]}, ExplicitDeny {counts[1]}, ImplicitDeny {counts[2]}");
        return 0;
    }
}
