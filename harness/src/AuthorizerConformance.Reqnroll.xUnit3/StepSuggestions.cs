using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// "Did you mean": the step lines of the catalogue nearest to a step that does not run, written as a QA engineer
/// writes them (keyword, parameter types filled in with examples, a note when a doc string or a table follows), and
/// the fix for JSON written inside a double-quoted <c>{string}</c>.
/// </summary>
public sealed partial class StepSuggestions
{
    /// <summary>How many nearest lines a suggestion shows.</summary>
    public const int Count = 3;

    private static readonly Dictionary<string, string> BuiltInExamples = new(StringComparer.Ordinal)
    {
        ["string"] = "\"text\"", ["int"] = "1", ["float"] = "1.5", ["double"] = "1.5", ["decimal"] = "1.5", ["long"] = "1",
        ["byte"] = "1", ["short"] = "1", ["biginteger"] = "1", ["bigdecimal"] = "1.5", ["word"] = "word", [""] = "x",
    };

    private readonly IReadOnlyList<Line> _lines;

    private StepSuggestions(IReadOnlyList<Line> lines) => _lines = lines;

    /// <summary>The catalogue of every step definition in <paramref name="registry"/>, with examples filled in.</summary>
    public static StepSuggestions From(IBindingRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var examples = new Dictionary<string, string>(BuiltInExamples, StringComparer.Ordinal);
        foreach (var transformation in registry.GetStepTransformations())
        {
            if (transformation.Name is { Length: > 0 } name
                && (transformation.Method as RuntimeBindingMethod)?.MethodInfo.GetCustomAttribute<StepParameterExampleAttribute>() is { } example)
                examples[name] = example.Example;
        }
        var lines = registry.GetStepDefinitions()
            .Where(b => b.IsValid)
            .Select(b => new Line(b.StepDefinitionType.ToString(), Fill(b, examples), Argument(b)))
            .DistinctBy(l => (l.Keyword, l.Text))
            .ToList();
        return new StepSuggestions(lines);
    }

    /// <summary>
    /// The nearest <see cref="Count"/> step lines to <paramref name="stepText"/> (written after <paramref name="keyword"/>,
    /// Given/When/Then), each as a line to copy.
    /// </summary>
    public IReadOnlyList<string> Nearest(string keyword, string stepText)
    {
        ArgumentNullException.ThrowIfNull(stepText);
        var wanted = Words(WithoutJson(stepText));
        return _lines
            .Select(line => (line, score: EditDistance.Of<string>(wanted, Words(line.Text)) + (line.Keyword == keyword ? 0 : 0.5), chars: EditDistance.Of(stepText.AsSpan(), line.Text.AsSpan())))
            .OrderBy(x => x.score).ThenBy(x => x.chars).ThenBy(x => x.line.Text, StringComparer.Ordinal)
            .Take(Count)
            .Select(x => x.line.ToString())
            .ToList();
    }

    /// <summary>
    /// What to tell the author of a step that does not run: the nearest lines, the fix for JSON in double quotes
    /// when the text holds it, and where the C# snippet is for step authors.
    /// </summary>
    public IReadOnlyList<string> Explain(string keyword, string stepText)
    {
        ArgumentNullException.ThrowIfNull(stepText);
        var lines = new List<string>();
        if (HoldsJsonInDoubleQuotes(stepText))
            lines.AddRange(JsonAdvice);
        lines.Add("Did you mean:");
        lines.AddRange(Nearest(keyword, stepText).Select(l => "    " + l));
        lines.Add("(docs/steps.md lists every step.)");
        return lines;
    }

    /// <summary>True when a step's text holds JSON in double quotes (<c>"{…</c> or <c>"[…</c>), which no <c>{string}</c> can carry.</summary>
    public static bool HoldsJsonInDoubleQuotes(string stepText) =>
        stepText is not null && JsonInDoubleQuotes().IsMatch(stepText);

    /// <summary>The fix for JSON written in double quotes.</summary>
    public static IReadOnlyList<string> JsonAdvice { get; } =
    [
        "This step holds JSON in double quotes. A {string} argument ends at the next double quote, so JSON (full of",
        "double quotes) cannot be one. Write the JSON in a doc string: the step ends with ':' and the JSON follows",
        "between two \"\"\" lines, e.g.",
        "    Then the response body is:",
        "      \"\"\"",
        "      {\"message\": \"Unauthorized\"}",
        "      \"\"\"",
        "or in single quotes: '{\"message\": \"Unauthorized\"}'.",
    ];

    // "{" or "[" right after a double quote, then what JSON has next (a quote, a bracket, a digit): "{"a": 1}", "[1]", "{}";
    // not a placeholder such as "{token}".
    [GeneratedRegex("\"\\s*[\\{\\[]\\s*[\"\\{\\[\\]\\}0-9-]")]
    private static partial Regex JsonInDoubleQuotes();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{(?<name>[^{}]*)\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\((?<optional>[^()\s]*)\)")]
    private static partial Regex Optional();

    // Everything from the first "{ or "[ to the last double quote is one argument the author meant to write.
    private static string WithoutJson(string text)
    {
        var match = JsonInDoubleQuotes().Match(text);
        var last = text.LastIndexOf('"');
        return match.Success && last > match.Index ? text[..match.Index] + "\"text\"" + text[(last + 1)..] : text;
    }

    private static string Fill(IStepDefinitionBinding binding, Dictionary<string, string> examples)
    {
        var expression = binding.SourceExpression ?? "";
        if (binding.ExpressionType != StepDefinitionExpressionTypes.CucumberExpression)
            return expression.TrimStart('^').TrimEnd('$');
        var text = Parameter().Replace(expression, m => examples.GetValueOrDefault(m.Groups["name"].Value) ?? m.Value);
        text = Optional().Replace(text, m => m.Groups["optional"].Value);
        // Alternatives (a/b) outside parameters: the first one.
        return string.Join(' ', text.Split(' ').Select(word => word.Contains('/', StringComparison.Ordinal) && !word.StartsWith('/') && !word.Contains('"', StringComparison.Ordinal)
            ? word.Split('/')[0] : word));
    }

    private static string? Argument(IStepDefinitionBinding binding)
    {
        var parameters = binding.Method.Parameters.ToList();
        var placeholders = binding.ExpressionType == StepDefinitionExpressionTypes.CucumberExpression
            ? Parameter().Matches(binding.SourceExpression ?? "").Count
            : parameters.Count;
        if (parameters.Count <= placeholders)
            return null;
        return parameters[^1].Type.Name == "DataTable" ? "then a table" : "then a doc string (\"\"\" … \"\"\")";
    }

    private static string[] Words(string text) =>
        Quoted().Replace(text, "\u0001").ToLowerInvariant()
            .Split([' ', '\t', ':', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.All(char.IsDigit) ? "\u0002" : w)
            .ToArray();

    private sealed record Line(string Keyword, string Text, string? Argument)
    {
        public override string ToString()
        {
            var line = new StringBuilder(Keyword).Append(' ').Append(Text);
            if (Argument is not null)
                line.Append("   ← ").Append(Argument);
            return line.ToString();
        }
    }
}
