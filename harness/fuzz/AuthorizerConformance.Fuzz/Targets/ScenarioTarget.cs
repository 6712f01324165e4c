using AuthorizerConformance.Gateway;
using AuthorizerConformance.Gateway.Scenarios;
using AuthorizerConformance.Harness;
using AuthorizerConformance.Harness.Inputs;

namespace AuthorizerConformance.Fuzz.Targets;

/// <summary>
/// <c>authz simulate FILE</c> end to end: BoundedInput, ScenarioParser, then the run (scripted functions and the
/// reference authorizer in process, on a fixed clock) and the result writer.
/// </summary>
internal static class ScenarioTarget
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static FuzzVerdict Classify(byte[] input)
    {
        if (FuzzText.Read(input, InputLimits.ScenarioFileBytes, "scenario", out var refusal) is not { } json)
            return refusal;
        var parsed = ScenarioParser.Parse(json);
        if (!parsed.IsValid)
            return FuzzVerdict.Refused(parsed.Error?.ToString() ?? "invalid without an error");
        var scenario = parsed.Scenario!;
        var resolver = ReferenceFunctionFactory.CreateResolver(scenario.Api.Type, TextWriter.Null);
        var run = ScenarioRunner.RunAsync(scenario, resolver, Start).GetAwaiter().GetResult();
        if (run.Error is not null)
            return FuzzVerdict.Refused(run.Error.ToString());
        _ = ScenarioResultWriter.Write(run.Results, []);
        return FuzzVerdict.Accepted($"{run.Results.Count} requests: {string.Join(",", run.Results.Select(r => r.Status))}");
    }
}
