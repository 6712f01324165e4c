using System.Reflection;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Steps.StepDefinitions;
using Reqnroll;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>The step → capability table names real step definitions and known capabilities.</summary>
public class StepCapabilitiesTests
{
    [Fact]
    public void Every_row_names_a_step_definition_and_a_known_capability() =>
        Assert.All(StepCapabilities.Rows, row =>
        {
            Assert.Contains(row.Capability, TargetCapability.All);
            Assert.Contains(row.Binding.GetMethods(), m => m.Name == row.Method && m.GetCustomAttributes<StepDefinitionBaseAttribute>().Any());
        });

    [Theory]
    [InlineData("the token is the hostile variant \"expired\"", true)]
    [InlineData("the token is the hostile variant \"alg-none\"", false)]
    public void A_hostile_variant_needs_the_controlled_clock_only_when_it_is_a_token_lifetime(string text, bool needsClock)
    {
        var method = typeof(TokenSteps).GetMethod(nameof(TokenSteps.Hostile))!;
        Assert.Equal(needsClock, StepCapabilities.For(method, text).Contains(TargetCapability.ControlledClock));
    }

    [Theory]
    [InlineData("the token expired 2 minutes ago", nameof(TokenSteps.Expired), true)]
    [InlineData("the token expired 9 minutes ago", nameof(TokenSteps.Expired), true)]
    [InlineData("the token expired 10 minutes ago", nameof(TokenSteps.Expired), false)]
    [InlineData("the token becomes valid in 30 seconds", nameof(TokenSteps.NotYetValid), true)]
    [InlineData("the token becomes valid in 1 hour", nameof(TokenSteps.NotYetValid), false)]
    [InlineData("the token was issued 10 minutes in the future", nameof(TokenSteps.IssuedInFuture), false)]
    [InlineData("the token expires in 1 hour", nameof(TokenSteps.ExpiresIn), true)]
    public void A_lifetime_needs_the_controlled_clock_unless_it_is_beyond_any_allowed_leeway(string text, string step, bool needsClock)
    {
        var method = typeof(TokenSteps).GetMethod(step)!;
        Assert.Equal(needsClock, StepCapabilities.For(method, text).Contains(TargetCapability.ControlledClock));
    }
}
