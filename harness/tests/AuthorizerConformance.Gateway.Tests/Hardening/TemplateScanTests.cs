using System.Text.RegularExpressions;
using CsCheck;

namespace AuthorizerConformance.Gateway.Tests.Hardening;

/// <summary>
/// Issue 16 leftover: the gateway-response template's <c>$context</c> references are found by a one-pass scanner
/// (<see cref="ContextReferences"/>), not a backtracking regular expression. The scan's work is counted, not timed.
/// </summary>
public class TemplateScanTests
{
    // The expression the scanner replaced, kept here as the oracle for what a reference is.
    private static readonly Regex Oracle = new(
        @"\$(?:\{context\.(?<braced>[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\}|context\.(?<name>[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*))",
        RegexOptions.CultureInvariant);

    public static TheoryData<string, int> Hostile => new()
    {
        // An unclosed braced name of 500 000 dotted segments, twice: no reference.
        { string.Concat(Enumerable.Repeat("${context." + string.Concat(Enumerable.Repeat("a.", 500_000)), 2)), 0 },
        // Many '$' and prefixes that never complete, and one that does ("$context.$" has none; "${context.}" has none).
        { string.Concat(Enumerable.Repeat("$${context$context.${context.}", 100_000)) + "$context.x", 1 },
        // Long names with trailing dots (each a reference), then an unclosed braced one.
        { string.Concat(Enumerable.Repeat("$context." + new string('x', 10_000) + ".", 50)) + "${context." + new string('y', 500_000), 50 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_template_is_scanned_in_linear_work(string template, int references)
    {
        var found = ContextReferences.Find(template, out var steps);

        Assert.True(steps <= (long)ContextReferences.MaxStepsPerChar * template.Length + ContextReferences.MaxStepsPerChar,
            $"{steps} steps for {template.Length} characters");
        Assert.Equal(references, found.Count);
    }

    [Fact]
    public void Doubling_a_hostile_template_doubles_the_work()
    {
        var unit = "${context." + string.Concat(Enumerable.Repeat("a.", 1000));
        ContextReferences.Find(string.Concat(Enumerable.Repeat(unit, 100)), out var once);
        ContextReferences.Find(string.Concat(Enumerable.Repeat(unit, 200)), out var twice);

        Assert.Equal(2 * once, twice);
    }

    [Fact]
    public void The_scanner_finds_exactly_what_the_old_expression_found()
    {
        var alphabet = Gen.OneOf("$", "{", "}", ".", "context", "context.", "${context.", "$context.", "a", "Z9", "_", " ", "-", "é");
        alphabet.Array[0, 40].Select(parts => string.Concat(parts)).Sample(template =>
        {
            var expected = Oracle.Matches(template)
                .Select(m => (m.Index, m.Length, Name: m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["name"].Value));
            var actual = ContextReferences.Find(template).Select(r => (r.Index, r.Length, r.Name));
            return expected.SequenceEqual(actual);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("{\"m\":$context.error.messageString}", "error.messageString")]
    [InlineData("${context.authorizer.x}}", "authorizer.x")]
    [InlineData("$context.a.b.", "a.b")]
    public void References_are_named_as_written(string template, string name) =>
        Assert.Equal(name, Assert.Single(ContextReferences.Find(template)).Name);
}
