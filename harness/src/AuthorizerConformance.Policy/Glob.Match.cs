namespace AuthorizerConformance.Policy;

internal sealed partial class Glob
{
    // Ordinal comparisons by span (vectorised, no comparison-type dispatch); OrdinalIgnoreCase only for actions and
    // the IgnoreCase string operators.
    private bool Same(ReadOnlySpan<char> text, string literal) =>
        _ignoreCase ? text.Equals(literal, StringComparison.OrdinalIgnoreCase) : text.SequenceEqual(literal);

    private int Find(ReadOnlySpan<char> text, string literal) =>
        _ignoreCase ? text.IndexOf(literal, StringComparison.OrdinalIgnoreCase) : text.IndexOf(literal.AsSpan());

    // Greedy match with backtracking to the most recent '*': linear for typical patterns, correct for '*'/'?' globs.
    private bool MatchGeneral(ReadOnlySpan<char> text)
    {
        var tokens = _tokens;
        int ti = 0, pos = 0, starTi = -1, starPos = 0;
        while (true)
        {
            if (ti < tokens.Length)
            {
                var token = tokens[ti];
                switch (token.Kind)
                {
                    case TokenKind.Star:
                        starTi = ti++;
                        starPos = pos;
                        continue;
                    case TokenKind.Question when pos < text.Length:
                        pos++;
                        ti++;
                        continue;
                    case TokenKind.Literal when text.Length - pos >= token.Text.Length && Same(text.Slice(pos, token.Text.Length), token.Text):
                        pos += token.Text.Length;
                        ti++;
                        continue;
                }
            }
            else if (pos == text.Length)
            {
                return true;
            }
            if (starTi < 0 || starPos >= text.Length)
                return false;
            starPos++;
            // The star can only end where the literal after it starts: jump there instead of trying every position.
            if (starTi + 1 < tokens.Length && tokens[starTi + 1] is { Kind: TokenKind.Literal } next)
            {
                var found = Find(text[starPos..], next.Text);
                if (found < 0)
                    return false;
                starPos += found;
            }
            pos = starPos;
            ti = starTi + 1;
        }
    }
}
