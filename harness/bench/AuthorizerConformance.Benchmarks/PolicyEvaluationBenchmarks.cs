using AuthorizerConformance.Policy;
using BenchmarkDotNet.Attributes;

namespace AuthorizerConformance.Benchmarks;

/// <summary>
/// Compiled evaluation of typical authorizer policies (the hot path of scenarios and the result cache): 1, 3 and 20
/// statements; exact, trailing <c>*</c>, mid-path <c>*</c> and <c>?</c> patterns; with and without a matching Deny.
/// Target: median ≤ 200 ns for the compiled 3-statement wildcard policy.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyEvaluationBenchmarks
{
    private const string Api = "arn:aws:execute-api:us-east-1:123456789012:abc123";

    private static readonly Dictionary<string, string> Policies = new(StringComparer.Ordinal)
    {
        ["1-exact"] = Doc(Allow($"{Api}/prod/GET/users/42")),
        ["3-wildcard"] = Doc(Allow($"{Api}/prod/GET/users/*"), Allow($"{Api}/*/POST/orders/*/items"), Allow($"{Api}/prod/GET/v?/status")),
        ["3-wildcard-deny"] = Doc(Allow($"{Api}/prod/*"), Deny($"{Api}/*/GET/users/*/secret*"), Allow($"{Api}/prod/GET/v?/status")),
        ["20-mixed"] = Doc([.. Enumerable.Range(0, 19).Select(i => Allow($"{Api}/prod/GET/resource{i}/*")), Deny("arn:aws:execute-api:*:*:*/*/DELETE/*")]),
    };

    private CompiledPolicy _policy = null!;
    private PolicyRequest _request = null!;

    [Params("1-exact", "3-wildcard", "3-wildcard-deny", "20-mixed")]
    public string Policy { get; set; } = "3-wildcard";

    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyParser.Parse(Policies[Policy]).Policy ?? throw new InvalidOperationException($"benchmark policy {Policy} is invalid");
        _request = new PolicyRequest(PolicyRequest.InvokeAction, $"{Api}/prod/GET/users/42/secret-key");
    }

    internal CompiledPolicy Compiled => _policy;

    internal PolicyRequest Request => _request;

    [Benchmark]
    public PolicyDecision EvaluateCompiled() => _policy.Evaluate(_request).Decision;

    [Benchmark]
    public PolicyDecision ParseCompileEvaluate() => PolicyParser.Parse(Policies[Policy]).Evaluate(_request).Decision;

    private static string Allow(string resource) => Statement("Allow", resource);

    private static string Deny(string resource) => Statement("Deny", resource);

    private static string Statement(string effect, string resource) =>
        $$"""{"Effect":"{{effect}}","Action":"execute-api:Invoke","Resource":"{{resource}}"}""";

    private static string Doc(params string[] statements) =>
        $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";
}
