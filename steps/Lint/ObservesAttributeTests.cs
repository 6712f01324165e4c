using System.Reflection;
using System.Text.RegularExpressions;
using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Steps.Support;

namespace AuthorizerConformance.Steps.Lint;

/// <summary>
/// <see cref="ObservesAttribute"/> says which steps check something only some targets show; a deployed stage reads it
/// before waiting in real time. It must name exactly the steps whose body starts by observing it (after a profile
/// precondition at most), so it cannot drift from what the steps do.
/// </summary>
public sealed partial class ObservesAttributeTests
{
    private static readonly string StepDefinitions = Path.Combine(ConformanceLint.SpecDirectory, "..", "..", "steps", "StepDefinitions");

    [GeneratedRegex(@"public [\w<>]+ (?<method>\w+)\([^)]*\)\s*\{\s*(?:Stage\.Require\([^;]*\);\s*)?stage\.Observe\(TargetObservation\.(?<observation>\w+)\);")]
    private static partial Regex StartsByObserving();

    [Fact]
    public void Exactly_the_steps_that_start_by_observing_carry_the_attribute()
    {
        var names = typeof(TargetObservation).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.Ordinal);
        var inSource = Directory.GetFiles(StepDefinitions, "*.cs")
            .SelectMany(file => StartsByObserving().Matches(File.ReadAllText(file))
                .Select(m => $"{Path.GetFileNameWithoutExtension(file)}.{m.Groups["method"].Value}: {m.Groups["observation"].Value}"))
            .Order(StringComparer.Ordinal).ToList();
        var declared = typeof(Stage).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<ObservesAttribute>().Select(a => $"{m.DeclaringType!.Name}.{m.Name}: {names[a.Observation]}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(inSource.Count >= 20, $"only {inSource.Count} steps found that start by observing: is the pattern still right?");
        Assert.Equal(inSource, declared);
    }
}
