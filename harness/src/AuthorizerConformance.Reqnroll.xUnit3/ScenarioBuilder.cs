using System.Collections.Specialized;
using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>Turns a feature's pickles into <see cref="ScenarioDefinition"/>s, finding each pickle's AST nodes.</summary>
internal static class ScenarioBuilder
{
    public static IReadOnlyList<ScenarioDefinition> Build(FeatureFile file, Feature feature, IReadOnlyList<Pickle> pickles)
    {
        var index = new AstIndex(feature);
        var featureTags = Tags.Of(feature.Tags);
        var seenKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<ScenarioDefinition>(pickles.Count);

        for (var pickleIndex = 0; pickleIndex < pickles.Count; pickleIndex++)
        {
            var pickle = pickles[pickleIndex];
            var (scenario, rule) = index.Scenarios[pickle.AstNodeIds[0]];
            (Examples Examples, TableRow Row)? example = pickle.AstNodeIds.Count > 1 ? index.ExampleRows[pickle.AstNodeIds[1]] : null;

            var ruleTags = rule is null ? [] : Tags.Of(rule.Tags);
            var scenarioTags = Tags.Of(scenario.Tags).Concat(example is { } e ? Tags.Of(e.Examples.Tags) : []).ToArray();
            var (label, arguments) = example is { } ex ? DescribeExample(ex.Examples, ex.Row) : ("", new OrderedDictionary());

            var key = (rule is null ? "" : rule.Name + " / ") + scenario.Name + (label.Length == 0 ? "" : " [" + label + "]");
            var occurrence = seenKeys[key] = seenKeys.GetValueOrDefault(key) + 1;
            if (occurrence > 1)
                key += $" (#{occurrence})"; // duplicate names still get distinct, order-stable keys

            rows.Add(new ScenarioDefinition
            {
                File = file,
                Key = key,
                DisplayName = $"{feature.Name}: {scenario.Name}",
                Label = label,
                Line = (int)(example?.Row.Location.Line ?? scenario.Location.Line),
                AllTags = pickle.Tags.Select(t => Tags.Strip(t.Name)).Distinct(StringComparer.Ordinal).ToArray(),
                SkipReason = SkipReason(featureTags, ruleTags, scenarioTags),
                PickleIndex = pickleIndex,
                Title = scenario.Name,
                Description = scenario.Description,
                ScenarioTags = scenarioTags,
                InheritedTags = featureTags.Concat(ruleTags).ToArray(),
                Arguments = arguments,
                RuleInfo = rule is null ? null : new RuleInfo(rule.Name, rule.Description, ruleTags),
                Steps = pickle.Steps.Select(ps => new ScenarioStep(ps, index.Steps[ps.AstNodeIds[0]])).ToList(),
            });
        }
        return rows;
    }

    private static (string Label, OrderedDictionary Arguments) DescribeExample(Examples examples, TableRow row)
    {
        var header = examples.TableHeader.Cells.Select(c => c.Value).ToList();
        var arguments = new OrderedDictionary();
        for (var i = 0; i < header.Count; i++)
            arguments[header[i]] = row.Cells[i].Value;
        var number = examples.TableBody.IndexOf(row) + 1;
        var name = string.IsNullOrWhiteSpace(examples.Name) ? "Examples" : examples.Name;
        var values = string.Join(", ", header.Select((h, i) => $"{h}={row.Cells[i].Value}"));
        return ($"{name} #{number}: {values}", arguments);
    }

    private static string? SkipReason(string[] featureTags, string[] ruleTags, string[] scenarioTags)
    {
        static bool Ignored(string[] tags) => tags.Any(t => t.Equals("ignore", StringComparison.OrdinalIgnoreCase));
        if (Ignored(featureTags))
            return "Ignored: @ignore on the Feature";
        if (Ignored(ruleTags))
            return "Ignored: @ignore on the Rule";
        return Ignored(scenarioTags) ? "Ignored: @ignore on the Scenario or its Examples" : null;
    }

    /// <summary>The AST nodes pickles point at (by AstNodeIds).</summary>
    private sealed class AstIndex
    {
        public Dictionary<string, (Scenario Scenario, Rule? Rule)> Scenarios { get; } = [];

        public Dictionary<string, (Examples Examples, TableRow Row)> ExampleRows { get; } = [];

        public Dictionary<string, Step> Steps { get; } = [];

        public AstIndex(Feature feature)
        {
            foreach (var child in feature.Children)
            {
                AddBackground(child.Background);
                AddScenario(child.Scenario, null);
                if (child.Rule is { } rule)
                {
                    foreach (var ruleChild in rule.Children)
                    {
                        AddBackground(ruleChild.Background);
                        AddScenario(ruleChild.Scenario, rule);
                    }
                }
            }
        }

        private void AddBackground(Background? background)
        {
            foreach (var step in background?.Steps ?? [])
                Steps[step.Id] = step;
        }

        private void AddScenario(Scenario? scenario, Rule? rule)
        {
            if (scenario is null)
                return;
            Scenarios[scenario.Id] = (scenario, rule);
            foreach (var step in scenario.Steps)
                Steps[step.Id] = step;
            foreach (var examples in scenario.Examples)
                foreach (var row in examples.TableBody)
                    ExampleRows[row.Id] = (examples, row);
        }
    }
}
