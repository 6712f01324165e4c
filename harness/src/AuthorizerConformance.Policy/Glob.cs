namespace AuthorizerConformance.Policy;

/// <summary>
/// A compiled IAM wildcard pattern: <c>*</c> matches any run of characters (including none), <c>?</c> exactly one
/// character, everything else is literal (POL-5: regex metacharacters have no meaning). Under Version 2012-10-17 a
/// pattern may also hold policy variables (§1.2), resolved per request by <see cref="Resolve"/>.
/// </summary>
internal sealed class Glob
{
    private enum Shape { Exact, Prefix, Suffix, Anything, General }

    private readonly PatternToken[] _tokens;
    private readonly StringComparison _comparison;
    private readonly Shape _shape;
    private readonly string _fixed;

    private Glob(PatternToken[] tokens, bool ignoreCase)
    {
        _tokens = tokens;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        HasVariables = Array.Exists(tokens, t => t.Kind == TokenKind.Variable);
        (_shape, _fixed) = Classify(tokens);
    }

    /// <summary>True when the pattern holds a policy variable and must be resolved before matching.</summary>
    public bool HasVariables { get; }

    /// <summary>Compiles <paramref name="pattern"/>; wildcards off means <c>*</c>/<c>?</c> are literal (StringEquals).</summary>
    public static Glob Compile(string pattern, bool ignoreCase, bool wildcards = true, bool variables = false) =>
        new(PatternToken.Tokenize(pattern, wildcards, variables), ignoreCase);

    /// <summary>
    /// Substitutes the request's values for the policy variables. Returns null when a variable has no value and no
    /// default: §1.2 says such an entry matches nothing. A substituted value is literal text, never a wildcard.
    /// </summary>
    public Glob? Resolve(RequestContext context)
    {
        if (!HasVariables)
            return this;
        var resolved = new PatternToken[_tokens.Length];
        for (var i = 0; i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            if (token.Kind != TokenKind.Variable)
            {
                resolved[i] = token;
                continue;
            }
            var value = context.TryGetSingle(token.Text) ?? token.Default;
            if (value is null)
                return null;
            resolved[i] = PatternToken.Literal(value);
        }
        return new Glob(resolved, _comparison == StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether the whole of <paramref name="text"/> matches. Call only on a resolved pattern.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) => _shape switch
    {
        Shape.Exact => text.Equals(_fixed, _comparison),
        Shape.Prefix => text.StartsWith(_fixed, _comparison),
        Shape.Suffix => text.EndsWith(_fixed, _comparison),
        Shape.Anything => true,
        Shape.General => MatchGeneral(text),
        _ => throw new InvalidOperationException($"unknown glob shape {_shape}"),
    };

    /// <summary>Whether the pattern ends in <c>*</c> (a trailing-star short ARN segment, §1.4).</summary>
    public bool EndsWithStar => _tokens.Length > 0 && _tokens[^1].Kind == TokenKind.Star;

    private static (Shape, string) Classify(PatternToken[] tokens)
    {
        if (Array.Exists(tokens, t => t.Kind is TokenKind.Variable or TokenKind.Question))
            return (Shape.General, "");
        return tokens switch
        {
            [] => (Shape.Exact, ""),
            [{ Kind: TokenKind.Literal } only] => (Shape.Exact, only.Text),
            [{ Kind: TokenKind.Star }] => (Shape.Anything, ""),
            [{ Kind: TokenKind.Literal } head, { Kind: TokenKind.Star }] => (Shape.Prefix, head.Text),
            [{ Kind: TokenKind.Star }, { Kind: TokenKind.Literal } tail] => (Shape.Suffix, tail.Text),
            _ => (Shape.General, ""),
        };
    }

    // Greedy match with backtracking to the most recent '*': linear for typical patterns, correct for '*'/'?' globs.
    private bool MatchGeneral(ReadOnlySpan<char> text)
    {
        int ti = 0, pos = 0, starTi = -1, starPos = 0;
        while (true)
        {
            if (ti < _tokens.Length)
            {
                var token = _tokens[ti];
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
                    case TokenKind.Literal when text[pos..].StartsWith(token.Text, _comparison):
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
            if (starTi + 1 < _tokens.Length && _tokens[starTi + 1] is { Kind: TokenKind.Literal } next)
            {
                var found = text[starPos..].IndexOf(next.Text, _comparison);
                if (found < 0)
                    return false;
                starPos += found;
            }
            pos = starPos;
            ti = starTi + 1;
        }
    }

    /// <summary>The pattern text as written (variables in <c>${…}</c> form).</summary>
    public override string ToString() => PatternToken.Render(_tokens);
}
