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
    [InlineData(nameof(TokenSteps.Hostile), false)]
    [InlineData(nameof(TokenSteps.Expired), true)]
    [InlineData(nameof(TokenSteps.NotYetValid), true)]
    [InlineData(nameof(TokenSteps.IssuedInFuture), true)]
    [InlineData(nameof(TokenSteps.ExpiresIn), true)]
    public void Only_token_lifetimes_minutes_from_the_scenario_clock_need_the_controlled_clock(string step, bool needsClock)
    {
        var method = typeof(TokenSteps).GetMethod(step)!;
        Assert.Equal(needsClock, StepCapabilities.For(method).Contains(TargetCapability.ControlledClock));
    }
}
