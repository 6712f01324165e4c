namespace AuthorizerConformance.Policy;

/// <summary>
/// A compiled IAM wildcard pattern: <c>*</c> matches any run of characters (including none), <c>?</c> exactly one
/// character, everything else is literal (POL-5: regex metacharacters have no meaning). Under Version 2012-10-17 a
/// pattern may also hold policy variables (§1.2), resolved per request by <see cref="Resolve"/>.
/// </summary>
/// <remarks>
/// Compiled once per policy into a shape (exact text, prefix + <c>*</c>, <c>*</c> + suffix, prefix + <c>*</c> +
/// suffix, anything) matched with one or two span comparisons; only other patterns use the general matcher
/// (Glob.Match.cs). A length check rejects most mismatches before any character is compared.
/// </remarks>
internal sealed partial class Glob
{
    private enum Shape : byte { Exact, Prefix, Suffix, PrefixSuffix, Anything, General }

    private readonly PatternToken[] _tokens;
    private readonly bool _ignoreCase;
    private readonly Shape _shape;
    private readonly string _head;
    private readonly string _tail;

    // Characters every match needs (literals and '?'); without a '*' a match has exactly this length.
    private readonly int _minLength;
    private readonly bool _hasStar;

    private Glob(PatternToken[] tokens, bool ignoreCase)
    {
        _tokens = tokens;
        _ignoreCase = ignoreCase;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Literal:
                    _minLength += token.Text.Length;
                    break;
                case TokenKind.Question:
                    _minLength++;
                    break;
                case TokenKind.Star:
                    _hasStar = true;
                    break;
                case TokenKind.Variable:
                    HasVariables = true;
                    break;
                default:
                    throw new InvalidOperationException($"unknown token kind {token.Kind}");
            }
        }
        (_shape, _head, _tail) = Classify(tokens);
    }

    /// <summary>True when the pattern holds a policy variable and must be resolved before matching.</summary>
    public bool HasVariables { get; }

    /// <summary>True when the pattern is plain text: no wildcard and no variable.</summary>
    public bool IsLiteral => _shape == Shape.Exact;

    /// <summary>Whether the pattern ends in <c>*</c> (a trailing-star short ARN segment, §1.4).</summary>
    public bool EndsWithStar => _tokens.Length > 0 && _tokens[^1].Kind == TokenKind.Star;

    /// <summary>Compiles <paramref name="pattern"/>; wildcards off means <c>*</c>/<c>?</c> are literal (StringEquals).</summary>
    public static Glob Compile(string pattern, bool ignoreCase, bool wildcards = true, bool variables = false) =>
        new(PatternToken.Tokenize(pattern, wildcards, variables), ignoreCase);

    /// <summary>
    /// The pattern <paramref name="prefix"/> followed by <paramref name="rest"/>, with the prefix as literal text: lets
    /// a resource entry whose leading ARN segments are plain text be matched against the whole request ARN at once.
    /// </summary>
    public static Glob Concat(string prefix, Glob rest)
    {
        PatternToken[] tokens = rest._tokens is [{ Kind: TokenKind.Literal } first, .. var others]
            ? [PatternToken.Literal(prefix + first.Text), .. others]
            : [PatternToken.Literal(prefix), .. rest._tokens];
        return new Glob(prefix.Length == 0 ? rest._tokens : tokens, rest._ignoreCase);
    }

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
        return new Glob(resolved, _ignoreCase);
    }

    /// <summary>Whether the whole of <paramref name="text"/> matches. Call only on a resolved pattern.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (text.Length < _minLength || (!_hasStar && text.Length != _minLength))
            return false;
        return _shape switch
        {
            Shape.Exact => Same(text, _head),
            Shape.Prefix => Same(text[.._head.Length], _head),
            Shape.Suffix => Same(text[^_tail.Length..], _tail),
            Shape.PrefixSuffix => Same(text[.._head.Length], _head) && Same(text[^_tail.Length..], _tail),
            Shape.Anything => true,
            Shape.General => MatchGeneral(text),
            _ => throw new InvalidOperationException($"unknown glob shape {_shape}"),
        };
    }

    /// <summary>The pattern text as written (variables in <c>${…}</c> form).</summary>
    public override string ToString() => PatternToken.Render(_tokens);

    private static (Shape, string Head, string Tail) Classify(PatternToken[] tokens)
    {
        if (Array.Exists(tokens, t => t.Kind is TokenKind.Variable or TokenKind.Question))
            return (Shape.General, "", "");
        return tokens switch
        {
            [] => (Shape.Exact, "", ""),
            [{ Kind: TokenKind.Literal } only] => (Shape.Exact, only.Text, ""),
            [{ Kind: TokenKind.Star }] => (Shape.Anything, "", ""),
            [{ Kind: TokenKind.Literal } head, { Kind: TokenKind.Star }] => (Shape.Prefix, head.Text, ""),
            [{ Kind: TokenKind.Star }, { Kind: TokenKind.Literal } tail] => (Shape.Suffix, "", tail.Text),
            [{ Kind: TokenKind.Literal } head, { Kind: TokenKind.Star }, { Kind: TokenKind.Literal } tail] =>
                (Shape.PrefixSuffix, head.Text, tail.Text),
            _ => (Shape.General, "", ""),
        };
    }
}
