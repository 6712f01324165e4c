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
    /// Greedy match with backtracking to the most recent '*': linear for typical patterns, correct for '*'/'?' globs.
    /// <paramref name="tokens"/> hold no variable (the pattern is resolved); literal tokens index <paramref name="literals"/>.
    /// </summary>
    public static bool MatchGeneral(ReadOnlySpan<char> text, ReadOnlySpan<FlatToken> tokens, ReadOnlySpan<char> literals, bool ignoreCase)
    {
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
                    case TokenKind.Literal when text.Length - pos >= token.Length &&
                                                Same(text.Slice(pos, token.Length), literals.Slice(token.Start, token.Length), ignoreCase):
                        pos += token.Length;
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
                var found = Find(text[starPos..], literals.Slice(next.Start, next.Length), ignoreCase);
                if (found < 0)
                    return false;
                starPos += found;
            }
            pos = starPos;
            ti = starTi + 1;
        }
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
