namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>What a <see cref="RuntimeApiServer"/> serves: one execution environment's Runtime API.</summary>
internal interface IRuntimeApiHandler
{
    /// <summary>Answers one request (a <c>/next</c> may wait here for the next invocation).</summary>
    ValueTask<RuntimeApiResponse> HandleAsync(RuntimeApiRequest request, CancellationToken cancellationToken);

    /// <summary>A request broke HTTP or a bound; the connection is answered (when possible) and closed.</summary>
    void OnProtocolFault(RuntimeApiProtocolException fault);
}
