using Reqnroll.BoDi;
using Reqnroll.Bindings;
using Reqnroll.Infrastructure;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// What the runner checks and explains around a scenario's steps: the test assembly's <see cref="IScenarioLint"/>
/// before any step runs, and, for a step that does not run, the nearest step lines in Gherkin (the C# snippet only
/// for step authors, under <see cref="RunnerOptions.VerboseVariable"/>).
/// </summary>
internal static class ScenarioChecks
{
    private const string Undefined = "undefined:";

    /// <summary>Fails the scenario, before any hook or step runs, when <paramref name="lint"/> finds a problem.</summary>
    public static void Lint(IScenarioLint? lint, ScenarioDefinition scenario, IObjectContainer container)
    {
        if (lint is null)
            return;
        var steps = StepBindingCheck.Match(container.Resolve<IStepDefinitionMatchService>(), scenario, container.Resolve<IBindingRegistry>());
        var problems = lint.Check(scenario, steps);
        if (problems.Count == 0)
            return;
        throw new ScenarioFailedException(string.Join(Environment.NewLine,
        [
            $"{scenario.Location}: the scenario '{scenario.Title}' breaks the rules of this suite's scenarios, so it did not run:",
            .. problems.Select(p => "  - " + p.ReplaceLineEndings(Environment.NewLine + "    ")),
        ]));
    }

    /// <summary>
    /// The failure message for a scenario with an undefined, pending or ambiguous step: the scenario, Reqnroll's
    /// message, each step that does not run with the nearest step lines, and Reqnroll's diagnostics (its C# snippet
    /// only when verbose).
    /// </summary>
    public static string DescribeStepProblems(ScenarioDefinition scenario, IObjectContainer container, Exception error, string diagnostics)
    {
        var lines = new List<string> { $"{scenario.Location}: {error.Message}" };
        var suggestions = StepSuggestions.From(container.Resolve<IBindingRegistry>());
        foreach (var step in StepBindingCheck.Match(container.Resolve<IStepDefinitionMatchService>(), scenario).Where(s => s.Problem is not null))
        {
            lines.Add($"{scenario.File.RelativePath}:{step.Step.Line}: {step.Line} — {step.Problem}");
            lines.AddRange(suggestions.Explain(step.Keyword, step.Step.Text).Select(l => "  " + l));
        }
        lines.AddRange(ForReaders(diagnostics).Split(Environment.NewLine)
            .Where(line => line.Length > 0 && !line.EndsWith(error.Message, StringComparison.Ordinal))); // no line that only repeats the message
        if (!RunnerOptions.Verbose && diagnostics.Contains(Undefined, StringComparison.Ordinal))
            lines.Add($"(Step authors: {RunnerOptions.VerboseVariable}=1 adds the C# step-definition snippet.)");
        return string.Join(Environment.NewLine, lines).TrimEnd();
    }

    /// <summary>
    /// Reqnroll's tool output as a feature's reader sees it: an <c>undefined:</c> diagnostic keeps its first line, and the
    /// indented C# snippet under it is dropped unless verbose.
    /// </summary>
    public static string ForReaders(string message)
    {
        if (RunnerOptions.Verbose || !message.Contains(Undefined, StringComparison.Ordinal))
            return message;
        var kept = new List<string>();
        var inSnippet = false;
        foreach (var line in message.ReplaceLineEndings("\n").Split('\n'))
        {
            if (inSnippet && (line.Length == 0 || char.IsWhiteSpace(line[0])))
                continue;
            inSnippet = line.Contains(Undefined, StringComparison.Ordinal);
            var intro = line.IndexOf(" Use the following code", StringComparison.Ordinal);
            kept.Add(inSnippet && intro > 0 ? line[..intro] : line); // no "use this code" without the code
        }
        return string.Join(Environment.NewLine, kept);
    }
}
