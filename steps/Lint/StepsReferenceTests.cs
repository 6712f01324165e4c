using System.Reflection;
using Reqnroll;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>The steps reference (docs/steps.md) lists every step definition, so QA engineers can trust it.</summary>
public class StepsReferenceTests
{
    [Fact]
    public void Every_step_definition_is_in_the_steps_reference()
    {
        var reference = File.ReadAllText(Path.Combine(ConformanceLint.SpecDirectory, "..", "steps.md"));
        var missing = typeof(StepsReferenceTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<StepDefinitionBaseAttribute>().Select(a => (m, a)))
            .Select(x => $"{x.a.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal)} {x.a.Expression}")
            .Where(step => !reference.Contains(step, StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "docs/steps.md does not list:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }
}
