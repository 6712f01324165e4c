namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// What a scenario may need from the target it runs against (a scenario says so with <c>@needs:&lt;name&gt;</c>).
/// A target that lacks a capability skips the scenario with the reason; it never fails or passes it.
/// </summary>
public static class TargetCapability
{
    /// <summary>The scenario runs through the emulated API Gateway (scripted functions, custom gateway responses,
    /// behaviour options, result cache with a controlled clock).</summary>
    public const string GatewayEmulation = "gateway-emulation";

    /// <summary>The scenario configures the authorizer under test (issuer, audience, scopes, keys…) through its environment.</summary>
    public const string AuthorizerSettings = "authorizer-settings";

    /// <summary>The authorizer under test reads the scenario's clock, so token lifetimes can be set relative to it.</summary>
    public const string ControlledClock = "controlled-clock";

    /// <summary>Every capability name, for validating <c>@needs:</c> tags.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { GatewayEmulation, AuthorizerSettings, ControlledClock };
}
