namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>Runs a scenario: resolves each authorizer's function, then replays the requests, <c>atSeconds</c> driving the clock.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Runs <paramref name="scenario"/>. The clock starts at the scenario's <c>startTime</c>, else at
    /// <paramref name="defaultStart"/>. A function description the resolver refuses is reported as the run's error.
    /// </summary>
    public static async Task<ScenarioRun> RunAsync(
        Scenario scenario, AuthorizerFunctionResolver resolver, DateTimeOffset defaultStart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(resolver);
        var clock = new ScenarioClock(scenario.StartTime ?? defaultStart);
        var functions = new Dictionary<string, IAuthorizerFunction>(StringComparer.Ordinal);
        foreach (var authorizer in scenario.Authorizers)
        {
            var resolution = resolver.Resolve(new FunctionSpec(authorizer.Function, $"authorizers.{authorizer.Name}.function", authorizer, clock));
            if (resolution.Error is not null)
                return new ScenarioRun([], resolution.Error);
            functions[authorizer.Name] = resolution.Function!;
        }
        var gateway = new ApiGateway(scenario.Api, scenario.Authorizers, a => functions[a.Name], clock);
        var results = new List<GatewayResult>(scenario.Requests.Count);
        foreach (var request in scenario.Requests)
        {
            clock.MoveTo(request.At);
            results.Add(await gateway.HandleAsync(request.Request, cancellationToken).ConfigureAwait(false));
        }
        return new ScenarioRun(results, null);
    }
}
