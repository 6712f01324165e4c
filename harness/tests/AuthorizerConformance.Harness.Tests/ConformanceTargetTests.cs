using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Targets;

namespace AuthorizerConformance.Harness.Tests;

public class ConformanceTargetTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("reference")]
    [InlineData(" Reference ")]
    public void The_reference_authorizer_is_the_default_target(string? name) =>
        Assert.Equal(ReferenceTarget.TargetName, ConformanceTargets.Select(name).Name);

    [Fact]
    public void An_unknown_target_name_is_an_error_that_lists_the_targets()
    {
        var error = Assert.Throws<ArgumentException>(() => ConformanceTargets.Select("deployed-nowhere"));

        Assert.Contains("AUTHZ_TARGET='deployed-nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Contains("reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_lacking_a_needed_capability_gives_a_skip_reason_naming_it()
    {
        var target = new LimitedTarget(TargetCapability.GatewayEmulation);

        Assert.Null(ConformanceTargets.SkipReason(target, [TargetCapability.GatewayEmulation]));
        var reason = ConformanceTargets.SkipReason(target, [TargetCapability.GatewayEmulation, TargetCapability.AuthorizerSettings]);
        Assert.Equal("The target 'limited' lacks authorizer-settings (needed by this scenario).", reason);
    }

    [Fact]
    public void The_reference_target_has_every_capability() =>
        Assert.Equal(["authorizer-settings", "controlled-clock", "gateway-emulation", "passing-time"], new ReferenceTarget().Capabilities.Order(StringComparer.Ordinal));

    private sealed class LimitedTarget(params string[] capabilities) : IConformanceTarget
    {
        public string Name => "limited";

        public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>(capabilities, StringComparer.Ordinal);

        public AuthorizerConformance.Harness.Profiles.AuthorizerProfile Profile => AuthorizerConformance.Harness.Profiles.AuthorizerProfile.Reference;

        public IAuthorizerFunction CreateFunction(TargetFunctionRequest request) => throw new NotSupportedException("not used by these tests");
    }
}
