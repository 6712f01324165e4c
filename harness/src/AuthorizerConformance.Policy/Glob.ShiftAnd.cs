namespace AuthorizerConformance.Policy;

internal sealed partial class Glob
{
    /// <summary>
    /// The leftmost start at or after <paramref name="from"/> where <paramref name="segment"/> (literals and <c>?</c>,
    /// no <c>*</c>) matches, by the shift-and automaton: one pass over the text whatever the segment, each character
    /// costing one step per 64 positions of the segment. So <c>*</c> + (<c>a?</c>)×N + <c>*</c> against a text of
    /// <c>a</c>s — where trying each start in turn costs text × segment — costs text × ⌈segment/64⌉ (issue 16, the
    /// worst case of defect 14). <paramref name="steps"/> counts the 64-bit word operations, for tests.
    /// Memory is linear in the segment: a character that occurs at fewer than one position per word of the automaton
    /// keeps its positions (and costs that many bit tests), others keep a full mask.
    /// </summary>
    internal static int ShiftAndFind(ReadOnlySpan<char> text, int from, ReadOnlySpan<FlatToken> segment, ReadOnlySpan<char> literals, bool ignoreCase, ref long steps)
    {
        var length = SegmentLength(segment);
        if (length == 0)
            return from <= text.Length ? from : -1;
        var words = (length + 63) / 64;
        // The segment's characters by position (folded when ignoring case); '?' positions are wildcard bits.
        var wildcard = new ulong[words];
        var positions = new Dictionary<char, List<int>>();
        var at = 0;
        foreach (var token in segment)
        {
            if (token.Kind == TokenKind.Literal)
            {
                foreach (var c in literals.Slice(token.Start, token.Length))
                {
                    var key = Fold(c, ignoreCase);
                    if (!positions.TryGetValue(key, out var list))
                        positions[key] = list = [];
                    list.Add(at++);
                }
            }
            else
            {
                wildcard[at >> 6] |= 1UL << (at & 63);
                at++;
            }
        }
        // Frequent characters get a full mask (wildcards included); there are at most 64 of them.
        var dense = new Dictionary<char, ulong[]>();
        foreach (var (c, list) in positions)
        {
            if (list.Count < words)
                continue;
            var mask = (ulong[])wildcard.Clone();
            foreach (var p in list)
                mask[p >> 6] |= 1UL << (p & 63);
            dense[c] = mask;
        }
        var state = new ulong[words];
        var set = new int[words];
        var last = length - 1;
        for (var i = from; i < text.Length; i++)
        {
            var c = Fold(text[i], ignoreCase);
            var mask = dense.GetValueOrDefault(c);
            // The sparse positions of c that the shifted state reaches (bit j of the shift is bit j-1 of the state; bit 0 is 1).
            var marked = 0;
            if (mask is null && positions.TryGetValue(c, out var sparse))
            {
                foreach (var j in sparse)
                {
                    if (j == 0 || (state[(j - 1) >> 6] & (1UL << ((j - 1) & 63))) != 0)
                        set[marked++] = j;
                }
                steps += sparse.Count;
            }
            var and = mask ?? wildcard;
            for (var k = words - 1; k > 0; k--)
                state[k] = ((state[k] << 1) | (state[k - 1] >> 63)) & and[k];
            state[0] = ((state[0] << 1) | 1UL) & and[0];
            steps += words;
            for (var m = 0; m < marked; m++)
                state[set[m] >> 6] |= 1UL << (set[m] & 63);
            if ((state[last >> 6] & (1UL << (last & 63))) != 0)
                return i - last;
        }
        return -1;
    }

    /// <summary>
    /// A character as the automaton compares it: itself, or with <paramref name="ignoreCase"/> its upper case when
    /// OrdinalIgnoreCase takes the two as equal (so the automaton agrees with the span comparisons elsewhere).
    /// </summary>
    private static char Fold(char c, bool ignoreCase)
    {
        if (!ignoreCase)
            return c;
        if (char.IsAscii(c))
            return char.ToUpperInvariant(c);
        var upper = char.ToUpperInvariant(c);
        return upper != c && MemoryExtensions.Equals([c], [upper], StringComparison.OrdinalIgnoreCase) ? upper : c;
    }
}
