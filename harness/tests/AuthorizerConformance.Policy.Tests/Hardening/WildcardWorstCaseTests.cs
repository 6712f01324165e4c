using CsCheck;

namespace AuthorizerConformance.Policy.Tests.Hardening;

/// <summary>
/// Issue 16 leftover of defect 14: a segment such as (<c>a?</c>)×N between <c>*</c>s makes every start of a text of
/// <c>a</c>s a candidate, so trying the starts in turn costs text × segment. The search has a budget and then runs the
/// shift-and automaton (text × ⌈segment/64⌉). These tests count the search's steps instead of timing it.
/// </summary>
public class WildcardWorstCaseTests
{
    private static (Glob Segment, long Steps, int Found) Search(string segment, string text, bool ignoreCase = false)
    {
        var glob = Glob.Compile(segment, ignoreCase);
        Assert.Equal(GlobShape.General, glob.Shape);
        long steps = 0;
        var found = Glob.Find(text, 0, glob.FlatTokens, glob.Literals, ignoreCase, ref steps);
        return (glob, steps, found);
    }

    [Fact]
    public void An_a_question_mark_segment_against_a_run_of_a_costs_text_times_its_words_not_text_times_its_length()
    {
        var segment = string.Concat(Enumerable.Repeat("a?", 5000)) + "b"; // 10 001 positions: 157 words of 64
        var text = new string('a', 200_000) + "ab";

        var (_, steps, found) = Search(segment, text);

        Assert.Equal(text.Length - 10_001, found);
        var words = (10_001 + 63) / 64;
        long bound = (long)(Glob.CandidateStepsPerChar + words + 1) * text.Length + 2 * 10_001;
        Assert.True(steps <= bound, $"{steps} steps; bound {bound}");
        // Trying each start in turn would compare about text × segment = 2e9 characters.
        Assert.True(steps < (long)text.Length * 10_001 / 50, $"{steps} steps");
    }

    [Fact]
    public void Doubling_the_text_doubles_the_steps()
    {
        var segment = string.Concat(Enumerable.Repeat("a?", 300)) + "b";
        var (_, once, _) = Search(segment, new string('a', 100_000));
        var (_, twice, _) = Search(segment, new string('a', 200_000));

        // Linear: the same cost per character of text (a quadratic search would quadruple).
        Assert.InRange(twice, once * 195 / 100, once * 205 / 100);
    }

    [Fact]
    public void A_policy_with_the_worst_case_pattern_against_a_long_value_decides_correctly()
    {
        // Quadratic work here would be 400 000 × 4 001 character comparisons per evaluation.
        var pattern = "*" + string.Concat(Enumerable.Repeat("a?", 2000)) + "b*";
        var policy = PolicyKit.One(condition: $$$"""{"StringLike":{"k":"{{{pattern}}}"}}""");
        var value = new string('a', 400_000);

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyKit.Decide(policy, PolicyKit.GetUsers, context: PolicyKit.Context(("k", value))));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(policy, PolicyKit.GetUsers, context: PolicyKit.Context(("k", value + "b"))));
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Decide(policy, PolicyKit.GetUsers, context: PolicyKit.Context(("k", "x" + value[..4000] + "b"))));
    }

    [Fact]
    public void The_automaton_finds_the_leftmost_match_a_naive_search_finds()
    {
        var segmentGen = Gen.OneOf(Gen.Const('a'), Gen.Const('b'), Gen.Const('A'), Gen.Const('?'), Gen.Const('\u0131'), Gen.Const('\u017F'), Gen.Const('s'), Gen.Const('i'))
            .Array[1, 80].Select(c => new string(c)).Where(s => s.Contains('?', StringComparison.Ordinal));
        var textGen = Gen.OneOf(Gen.Const('a'), Gen.Const('b'), Gen.Const('A'), Gen.Const('B'), Gen.Const('\u0131'), Gen.Const('I'), Gen.Const('\u017F'), Gen.Const('S'), Gen.Const('s'))
            .Array[0, 300].Select(c => new string(c));
        Gen.Select(segmentGen, textGen, Gen.Bool).Sample((segment, text, ignoreCase) =>
        {
            var glob = Glob.Compile(segment, ignoreCase);
            long steps = 0;
            var automaton = Glob.ShiftAndFind(text, 0, glob.FlatTokens, glob.Literals, ignoreCase, ref steps);
            var search = Glob.Find(text, 0, glob.FlatTokens, glob.Literals, ignoreCase, ref steps);
            var naive = Naive(segment, text, ignoreCase);
            return automaton == naive && search == naive;
        }, iter: 3000);
    }

    private static int Naive(string segment, string text, bool ignoreCase)
    {
        for (var start = 0; start + segment.Length <= text.Length; start++)
        {
            var all = true;
            for (var j = 0; j < segment.Length && all; j++)
            {
                all = segment[j] == '?' || (ignoreCase
                    ? text.AsSpan(start + j, 1).Equals(segment.AsSpan(j, 1), StringComparison.OrdinalIgnoreCase)
                    : text[start + j] == segment[j]);
            }
            if (all)
                return start;
        }
        return -1;
    }
}
