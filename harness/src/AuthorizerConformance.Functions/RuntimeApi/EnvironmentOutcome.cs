using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>How one invocation on one execution environment went, for the pool.</summary>
/// <param name="Result">The outcome to report; null when the event never reached the runtime because the warm process had died meanwhile (try a fresh one).</param>
/// <param name="InitTimedOut">The process never called <c>/next</c> within the init timeout.</param>
internal readonly record struct EnvironmentOutcome(AuthorizerInvocation? Result, bool InitTimedOut = false)
{
    public static EnvironmentOutcome NotDelivered => new(null);
}
