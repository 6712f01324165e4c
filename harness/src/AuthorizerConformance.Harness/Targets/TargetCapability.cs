namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// What a scenario may need from the target it runs against (a scenario says so with <c>@needs:&lt;name&gt;</c>).
/// A target that lacks a capability skips the scenario with the reason; it never fails or passes it. What the
/// authorizer promises (issuer, audience, algorithms, principal, context) is not a capability: scenarios read it from
/// the profile, and a precondition step skips a scenario the profile makes no promise for.
/// </summary>
public static class TargetCapability
{
    /// <summary>The scenario runs through the emulated API Gateway (scripted functions, custom gateway responses,
    /// behaviour options, result cache with a controlled clock). Every local target has it; a deployed stage does not.</summary>
    public const string GatewayEmulation = "gateway-emulation";

    /// <summary>The scenario configures the authorizer under test through the reference authorizer's documented
    /// settings (AUTH_* variables), or relies on their documented defaults. Only the reference authorizer has them.</summary>
    public const string AuthorizerSettings = "authorizer-settings";

    /// <summary>The authorizer under test reads the scenario's clock, so time can pass for it (<c>When 4 minutes pass</c>).
    /// A function in its own process reads the real clock: tokens for it are minted at the real time.</summary>
    public const string ControlledClock = "controlled-clock";

    /// <summary>The target can let time pass between a scenario's requests (<c>When 301 seconds pass</c>): every local
    /// target moves the scenario's clock (the emulated gateway's cache reads it; nothing sleeps); a deployed stage waits
    /// in real time, and only when slow waits are allowed (<c>AUTHZ_ALLOW_SLOW=1</c> or <c>authz run --allow-slow</c>).</summary>
    public const string PassingTime = "passing-time";

    /// <summary>Every capability name, for validating <c>@needs:</c> tags.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { GatewayEmulation, AuthorizerSettings, ControlledClock, PassingTime };
}
