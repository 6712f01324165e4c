using BenchmarkDotNet.Running;

namespace AuthorizerConformance.Benchmarks;

/// <summary>Entry point: every benchmark class of this assembly, selected with BenchmarkDotNet's --filter.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
