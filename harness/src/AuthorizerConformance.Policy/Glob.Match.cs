namespace AuthorizerConformance.Policy;

/// <summary>
/// One token of a compiled pattern as a range of a literal-text table (<see cref="TokenKind.Literal"/>: the text at
/// <paramref name="Start"/>, <paramref name="Length"/> characters), so a pattern is matched without reaching its
/// token objects and a compiled policy can keep every pattern's tokens in one flat table (CompiledPolicy.Plan.cs).
/// </summary>
internal readonly record struct FlatToken(TokenKind Kind, int Start, int Length);

internal sealed partial class Glob
{
    // Ordinal comparisons by span (vectorised, no comparison-type dispatch); OrdinalIgnoreCase only for actions and
    // the IgnoreCase string operators.
    private static bool Same(ReadOnlySpan<char> text, ReadOnlySpan<char> literal, bool ignoreCase) =>
        ignoreCase ? text.Equals(literal, StringComparison.OrdinalIgnoreCase) : text.SequenceEqual(literal);

    private static int Find(ReadOnlySpan<char> text, ReadOnlySpan<char> literal, bool ignoreCase) =>
        ignoreCase ? text.IndexOf(literal, StringComparison.OrdinalIgnoreCase) : text.IndexOf(literal);

    /// <summary>
    /// Whole-text match without backtracking over the input (issue 16 defect 14). The pattern is a run of segments
    /// (literals and <c>?</c>) between <c>*</c>s: the first must match at the start, the last at the end, and each one in
    /// between at its leftmost place after the one before; taking the leftmost place is always safe, because the
    /// <c>*</c>s around a segment absorb whatever lies beside it. So each segment is searched for once, left to right:
    /// a segment's leading <c>?</c>s are skipped as a count and its first literal is found with a vectorised search,
    /// so <c>*</c> + <c>?</c>×20000 + <c>b</c> against 2M characters is one pass; a segment that makes every start a
    /// candidate, such as (<c>a?</c>)×N, is handed to the shift-and automaton within a budget (Glob.ShiftAnd.cs).
    /// <paramref name="tokens"/> hold no variable (the pattern is resolved); literal tokens index <paramref name="literals"/>.
    /// </summary>
    public static bool MatchGeneral(ReadOnlySpan<char> text, ReadOnlySpan<FlatToken> tokens, ReadOnlySpan<char> literals, bool ignoreCase)
    {
        var firstStar = StarIndex(tokens, last: false);
        if (firstStar < 0)
            return SegmentLength(tokens) == text.Length && MatchesAt(text, 0, tokens, literals, ignoreCase);
        var lastStar = StarIndex(tokens, last: true);
        var head = tokens[..firstStar];
        var tail = tokens[(lastStar + 1)..];
        int headLength = SegmentLength(head), tailLength = SegmentLength(tail);
        if (headLength + tailLength > text.Length || !MatchesAt(text, 0, head, literals, ignoreCase) ||
            !MatchesAt(text, text.Length - tailLength, tail, literals, ignoreCase))
            return false;
        // The middle segments, each at its leftmost place within what head and tail leave.
        var pos = headLength;
        var limit = text.Length - tailLength;
        var i = firstStar + 1;
        while (i < lastStar)
        {
            var next = i;
            while (tokens[next].Kind != TokenKind.Star)
                next++;
            if (next > i)
            {
                var found = Find(text[..limit], pos, tokens[i..next], literals, ignoreCase);
                if (found < 0)
                    return false;
                pos = found + SegmentLength(tokens[i..next]);
            }
            i = next + 1;
        }
        return true;
    }

    private static int StarIndex(ReadOnlySpan<FlatToken> tokens, bool last)
    {
        var found = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Star)
                continue;
            found = i;
            if (!last)
                break;
        }
        return found;
    }

    private static int SegmentLength(ReadOnlySpan<FlatToken> segment)
    {
        var length = 0;
        foreach (var token in segment)
            length += token.Kind == TokenKind.Literal ? token.Length : 1;
        return length;
    }

    /// <summary>Whether <paramref name="segment"/> (no <c>*</c>) matches <paramref name="text"/> at <paramref name="at"/>; the caller checked the length.</summary>
    private static bool MatchesAt(ReadOnlySpan<char> text, int at, ReadOnlySpan<FlatToken> segment, ReadOnlySpan<char> literals, bool ignoreCase)
    {
        foreach (var token in segment)
        {
            if (token.Kind == TokenKind.Literal)
            {
                if (!Same(text.Slice(at, token.Length), literals.Slice(token.Start, token.Length), ignoreCase))
                    return false;
                at += token.Length;
            }
            else
            {
                at++;
            }
        }
        return true;
    }

    /// <summary>The leftmost start at or after <paramref name="from"/> where <paramref name="segment"/> matches, or -1.</summary>
    private static int Find(ReadOnlySpan<char> text, int from, ReadOnlySpan<FlatToken> segment, ReadOnlySpan<char> literals, bool ignoreCase)
    {
        long steps = 0;
        return Find(text, from, segment, literals, ignoreCase, ref steps);
    }

    /// <summary>Candidate checks may compare this many characters per character of the text before the search turns to the automaton.</summary>
    internal const int CandidateStepsPerChar = 4;

    /// <summary>
    /// The leftmost start at or after <paramref name="from"/> where <paramref name="segment"/> matches, or -1. Starts are
    /// tried in turn (a vectorised search for the first two characters of the segment's first literal, then a check of the
    /// whole segment), which is fastest for real patterns; but a hostile pair such as (<c>a?</c>)×N against a run of
    /// <c>a</c>s makes every start a candidate, so the checks have a budget of <see cref="CandidateStepsPerChar"/>
    /// compared characters per character of the text, past which the rest is searched by <see cref="ShiftAndFind"/>
    /// (text × ⌈segment/64⌉). <paramref name="steps"/> counts compared characters and automaton word operations.
    /// </summary>
    internal static int Find(ReadOnlySpan<char> text, int from, ReadOnlySpan<FlatToken> segment, ReadOnlySpan<char> literals, bool ignoreCase, ref long steps)
    {
        var length = SegmentLength(segment);
        // Leading '?'s only shift the segment: find the rest, which starts with a literal (or is all '?').
        var skip = 0;
        while (skip < segment.Length && segment[skip].Kind == TokenKind.Question)
            skip++;
        if (skip == segment.Length)
            return text.Length - from >= length ? from : -1;
        // Two characters at most: a longer needle could make the vectorised search itself compare text × needle.
        var needle = literals.Slice(segment[skip].Start, Math.Min(segment[skip].Length, 2));
        var budget = (long)CandidateStepsPerChar * (text.Length - from) + length;
        var spent = 0L;
        for (var start = from; start + length <= text.Length; start++)
        {
            if (spent > budget && !(ignoreCase && HasSurrogate(segment, literals)))
            {
                steps += spent;
                return ShiftAndFind(text, start, segment, literals, ignoreCase, ref steps);
            }
            var window = text[(start + skip)..(text.Length - (length - skip - needle.Length))];
            var hit = Find(window, needle, ignoreCase);
            spent += (hit < 0 ? window.Length : hit) + needle.Length;
            if (hit < 0)
                break;
            start += hit;
            spent += length;
            if (MatchesAt(text, start, segment, literals, ignoreCase))
            {
                steps += spent;
                return start;
            }
        }
        steps += spent;
        return -1;
    }

    // OrdinalIgnoreCase compares a surrogate pair as one character, which the per-character automaton cannot: such a
    // segment keeps the candidate checks (no real action or condition value holds one).
    private static bool HasSurrogate(ReadOnlySpan<FlatToken> segment, ReadOnlySpan<char> literals)
    {
        foreach (var token in segment)
        {
            if (token.Kind == TokenKind.Literal && literals.Slice(token.Start, token.Length).ContainsAnyInRange('\uD800', '\uDFFF'))
                return true;
        }
        return false;
    }

    private bool MatchGeneral(ReadOnlySpan<char> text) => MatchGeneral(text, _flat, _literals, _ignoreCase);

    /// <summary>
    /// For a <see cref="GlobShape.General"/> pattern, the tokens as ranges of <see cref="Literals"/> (what
    /// <see cref="MatchGeneral(ReadOnlySpan{char}, ReadOnlySpan{FlatToken}, ReadOnlySpan{char}, bool)"/> reads); empty otherwise.
    /// </summary>
    public ReadOnlySpan<FlatToken> FlatTokens => _flat;

    /// <summary>The literal text of every token, concatenated (a variable's key is kept too, unused by matching).</summary>
    public string Literals => _literals;

    private static (FlatToken[] Flat, string Literals) Flatten(PatternToken[] tokens)
    {
        var flat = new FlatToken[tokens.Length];
        var literals = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Length; i++)
        {
            var text = tokens[i].Kind is TokenKind.Literal or TokenKind.Variable ? tokens[i].Text : "";
            flat[i] = new FlatToken(tokens[i].Kind, literals.Length, text.Length);
            literals.Append(text);
        }
        return (flat, literals.ToString());
    }
}
