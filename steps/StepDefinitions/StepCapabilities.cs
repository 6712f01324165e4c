using System.Reflection;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Which step needs which target capability — the one place that says so, next to the bindings. A scenario's
/// <c>@needs:</c> tags must be exactly the capabilities its steps (Backgrounds included) need; the lint derives them
/// from this table (steps/Lint/ConformanceLint.cs), so a tag cannot drift from the steps it stands for. A step not
/// listed needs nothing beyond an authorizer under test.
/// </summary>
public static partial class StepCapabilities
{
    // A scripted function and the gateway's own configuration exist only in the emulated gateway.
    private static readonly (Type Binding, string Method, string Capability)[] Table =
    [
        (typeof(SetupCheckSteps), nameof(SetupCheckSteps.Check), TargetCapability.GatewayEmulation),
        (typeof(AuthorizerSteps), nameof(AuthorizerSteps.Returns), TargetCapability.GatewayEmulation),
        (typeof(AuthorizerSteps), nameof(AuthorizerSteps.FailsWith), TargetCapability.GatewayEmulation),
        (typeof(AuthorizerSteps), nameof(AuthorizerSteps.TimesOut), TargetCapability.GatewayEmulation),
        (typeof(AuthorizerSteps), nameof(AuthorizerSteps.InTurn), TargetCapability.GatewayEmulation),
        (typeof(StatusMappingSteps), nameof(StatusMappingSteps.ReturnsPadded), TargetCapability.GatewayEmulation),
        (typeof(ApiSteps), nameof(ApiSteps.BehaviourOption), TargetCapability.GatewayEmulation),
        (typeof(ApiSteps), nameof(ApiSteps.GatewayResponseStatus), TargetCapability.GatewayEmulation),
        (typeof(ApiSteps), nameof(ApiSteps.GatewayResponseTemplate), TargetCapability.GatewayEmulation),
        (typeof(ApiSteps), nameof(ApiSteps.GatewayResponseHeader), TargetCapability.GatewayEmulation),
        // Time passing between requests: the scenario's clock on every local target, real time on a deployed stage when
        // slow waits are allowed.
        (typeof(RequestSteps), nameof(RequestSteps.TimePasses), TargetCapability.PassingTime),
        // The authorizer under test configured through its environment.
        (typeof(AuthorizerSteps), nameof(AuthorizerSteps.Setting), TargetCapability.AuthorizerSettings),
        // (Not "only the seed's HS256 secret", "no keys configured" nor "secret is set but empty": a profile's function keeps
        // its configuration, or is started again without the variables of its tokens or with an empty secret — UNA-2
        // applies to every authorizer.)
        (typeof(AuthorizerSteps), nameof(AuthorizerSteps.ReferenceDefaults), TargetCapability.AuthorizerSettings),
        // A token that expires while time passes needs the authorizer to read the scenario's clock.
        (typeof(TokenSteps), nameof(TokenSteps.ExpiresIn), TargetCapability.ControlledClock),
    ];

    /// <summary>
    /// The largest clock skew (leeway) the suite lets an authorizer allow: 5 minutes. RFC 7519 §4.1.4 allows "some small
    /// leeway, usually no more than a few minutes"; Microsoft.IdentityModel's default ClockSkew is 5 minutes, and the
    /// reference authorizer caps AUTH_CLOCK_SKEW_SECONDS at 300.
    /// </summary>
    public static readonly TimeSpan MaximumLeeway = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A token lifetime at least this far from now is judged without the controlled clock: tokens of a function in its
    /// own process are minted at real time, and its verdict cannot depend on its leeway (at most
    /// <see cref="MaximumLeeway"/>) nor on the seconds the scenario takes (5 minutes of margin).
    /// </summary>
    public static readonly TimeSpan RealClockDistance = MaximumLeeway + TimeSpan.FromMinutes(5);

    // Steps whose need depends on what they say: a lifetime closer to now than RealClockDistance (only the scenario's clock
    // can judge it: the authorizer under test must read it). (Not the hostile variants "expired", "not-yet-valid" and
    // "iat-future": they are an hour off the scenario's clock, which starts at the real time for a function in its own
    // process, so JwtAttacks.feature judges them on every target.)
    private static readonly (Type Binding, string Method, string Capability, Func<string, bool> When)[] ByText =
    [
        (typeof(TokenSteps), nameof(TokenSteps.Expired), TargetCapability.ControlledClock, NearNow),
        (typeof(TokenSteps), nameof(TokenSteps.NotYetValid), TargetCapability.ControlledClock, NearNow),
        (typeof(TokenSteps), nameof(TokenSteps.IssuedInFuture), TargetCapability.ControlledClock, NearNow),
    ];

    private static bool NearNow(string stepText) =>
        DurationText().Match(stepText) is not { Success: true } match || Support.ParameterTypes.Duration(match.Value) < RealClockDistance;

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+ (?:second|minute|hour|day)s?")]
    private static partial System.Text.RegularExpressions.Regex DurationText();

    private static readonly Dictionary<MethodInfo, string[]> ByMethod = Table
        .SelectMany(row => row.Binding.GetMethods().Where(m => m.Name == row.Method).Select(m => (m, row.Capability)))
        .GroupBy(x => x.m)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Capability).Distinct(StringComparer.Ordinal).ToArray());

    /// <summary>Every (binding, method, capability) row, for the table's own test.</summary>
    public static IReadOnlyList<(Type Binding, string Method, string Capability)> Rows =>
        [.. Table, .. ByText.Select(row => (row.Binding, row.Method, row.Capability))];

    /// <summary>The capabilities the step <paramref name="stepText"/>, bound to <paramref name="method"/>, needs (none for most steps).</summary>
    public static IReadOnlyList<string> For(MethodInfo method, string stepText)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(stepText);
        var byText = ByText.Where(row => row.Binding == method.DeclaringType && row.Method == method.Name && row.When(stepText)).Select(row => row.Capability);
        return [.. (ByMethod.TryGetValue(method, out var needs) ? needs : []).Concat(byText).Distinct(StringComparer.Ordinal)];
    }
}
