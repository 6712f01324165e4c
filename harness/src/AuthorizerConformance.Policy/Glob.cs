namespace AuthorizerConformance.Policy;

/// <summary>How a compiled wildcard pattern is matched.</summary>
internal enum GlobShape : byte { Exact, Prefix, Suffix, PrefixSuffix, Anything, General }

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
    private readonly PatternToken[] _tokens;
    private readonly bool _ignoreCase;
    private readonly GlobShape _shape;
    private readonly string _head;
    private readonly string _tail;
    private readonly FlatToken[] _flat;
    private readonly string _literals;

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
        // Only the general matcher reads tokens; other shapes keep none (smaller policies stay in cache).
        (_flat, _literals) = _shape == GlobShape.General ? Flatten(tokens) : ([], "");
    }

    /// <summary>True when the pattern holds a policy variable and must be resolved before matching.</summary>
    public bool HasVariables { get; }

    /// <summary>True when the pattern is plain text: no wildcard and no variable.</summary>
    public bool IsLiteral => _shape == GlobShape.Exact;

    /// <summary>How the pattern is matched; <see cref="Head"/> and <see cref="Tail"/> are its fixed text.</summary>
    public GlobShape Shape => _shape;

    /// <summary>
    /// Text a match starts with (or equals, for <see cref="GlobShape.Exact"/>); for a general pattern without variables,
    /// its leading literal.
    /// </summary>
    public string Head => _head;

    /// <summary>Text a match ends with (for a general pattern without variables, its trailing literal).</summary>
    public string Tail => _tail;

    /// <summary>Characters every match needs (literals and <c>?</c>).</summary>
    public int MinLength => _minLength;

    /// <summary>True when the pattern holds a <c>*</c> (so a match may be longer than <see cref="MinLength"/>).</summary>
    public bool HasStar => _hasStar;

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
    public bool IsMatch(ReadOnlySpan<char> text) =>
        MatchFixedParts(text, _head, _tail, _minLength, _hasStar, _ignoreCase) && (_shape != GlobShape.General || MatchGeneral(text));

    /// <summary>
    /// The rule every shape shares: the length fits, the text starts with the head and ends with the tail (exact text is
    /// all head; <c>*</c> has neither). For every shape but <see cref="GlobShape.General"/> that is the whole match; a
    /// general pattern's head and tail are its leading and trailing literals, so this rejects most texts before its token
    /// loop. Static over the parts, so a compiled policy can keep them in its own compact tables (CompiledPolicy.Plan.cs).
    /// </summary>
    public static bool MatchFixedParts(
        ReadOnlySpan<char> text, ReadOnlySpan<char> head, ReadOnlySpan<char> tail, int minLength, bool hasStar, bool ignoreCase = false) =>
        text.Length >= minLength && (hasStar || text.Length == minLength) &&
        Same(text[..head.Length], head, ignoreCase) && Same(text[^tail.Length..], tail, ignoreCase);

    /// <summary>The pattern text as written (variables in <c>${…}</c> form).</summary>
    public override string ToString() => PatternToken.Render(_tokens);

    private static (GlobShape, string Head, string Tail) Classify(PatternToken[] tokens)
    {
        if (Array.Exists(tokens, t => t.Kind == TokenKind.Variable))
            return (GlobShape.General, "", "");
        if (Array.Exists(tokens, t => t.Kind == TokenKind.Question))
        {
            // A general pattern keeps its leading and trailing literal text too: a match must start and end with them,
            // which rejects most texts with two vectorised compares before the token loop (CompiledPolicy.Matches).
            var head = tokens[0].Kind == TokenKind.Literal ? tokens[0].Text : "";
            var tail = tokens.Length > 1 && tokens[^1].Kind == TokenKind.Literal ? tokens[^1].Text : "";
            return (GlobShape.General, head, tail);
        }
        return tokens switch
        {
            [] => (GlobShape.Exact, "", ""),
            [{ Kind: TokenKind.Literal } only] => (GlobShape.Exact, only.Text, ""),
            [{ Kind: TokenKind.Star }] => (GlobShape.Anything, "", ""),
            [{ Kind: TokenKind.Literal } head, { Kind: TokenKind.Star }] => (GlobShape.Prefix, head.Text, ""),
            [{ Kind: TokenKind.Star }, { Kind: TokenKind.Literal } tail] => (GlobShape.Suffix, "", tail.Text),
            [{ Kind: TokenKind.Literal } head, { Kind: TokenKind.Star }, { Kind: TokenKind.Literal } tail] =>
                (GlobShape.PrefixSuffix, head.Text, tail.Text),
            _ => (GlobShape.General, "", ""),
        };
    }
}
