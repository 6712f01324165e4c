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

    // The lifetime variants are an hour off the scenario's clock, which is the real time for a function in its own
    // process: they are judged on every target, so the only steps that need the controlled clock are the ones that put a
    // token's lifetime minutes away from it.
    [Theory]
    [InlineData(nameof(TokenSteps.Hostile), "the token is the hostile variant \"expired\"", false)]
    [InlineData(nameof(TokenSteps.Hostile), "the token is the hostile variant \"not-yet-valid\"", false)]
    [InlineData(nameof(TokenSteps.Hostile), "the token is the hostile variant \"iat-future\"", false)]
    [InlineData(nameof(TokenSteps.Expired), "the token expired 30 seconds ago", true)]
    [InlineData(nameof(TokenSteps.NotYetValid), "the token becomes valid in 2 minutes", true)]
    [InlineData(nameof(TokenSteps.IssuedInFuture), "the token was issued 1 minute in the future", true)]
    [InlineData(nameof(TokenSteps.ExpiresIn), "the token expires in 1 hour", true)]
    public void Only_token_lifetimes_minutes_from_the_scenario_clock_need_the_controlled_clock(string step, string text, bool needsClock)
    {
        var method = typeof(TokenSteps).GetMethod(step)!;
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
