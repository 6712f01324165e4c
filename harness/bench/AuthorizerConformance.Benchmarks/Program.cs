using BenchmarkDotNet.Running;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// Entry point: every benchmark class of this assembly, selected with BenchmarkDotNet's --filter; or
/// <c>oracle-ratio [cases] [seed]</c> for the timed side-by-side run against the node IAM oracle;
/// <c>loop &lt;policy|cases&gt; [iterations]</c> for policy-evaluation instruction-count profiling; or
/// <c>token-loop [alg] [iterations]</c> for the authorizer in a plain loop (callgrind instruction counts); or
/// <c>invoke-ratio [seconds] [concurrency] [seed|port] [warm-only]</c> for Node authorizer invocations/s (and CPU per
/// invocation): warm bootstrap, process per call, serverless-offline.
/// <c>aws-rate [calls]</c> for the API Gateway client's rate limit against the fake control plane.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["oracle-ratio", .. var rest])
        {
            OracleRatio.Run(rest, Console.Out);
            return;
        }
        if (args is ["invoke-ratio", .. var invokeRatio])
        {
            InvokeRatio.Run(invokeRatio, Console.Out);
            return;
        }
        if (args is ["loop", .. var loop])
        {
            EvaluationLoop.Run(loop, Console.Out);
            return;
        }
        if (args is ["aws-rate", .. var awsRate])
        {
            AwsRate.Run(awsRate, Console.Out);
            return;
        }
        if (args is ["token-loop", .. var tokenLoop])
        {
            TokenLoop.Run(tokenLoop, Console.Out);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
