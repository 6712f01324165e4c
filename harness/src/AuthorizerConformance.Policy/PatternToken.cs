using System.Text;

namespace AuthorizerConformance.Policy;

/// <summary>The kinds of piece a wildcard pattern is made of.</summary>
internal enum TokenKind : byte { Literal, Star, Question, Variable }

/// <summary>One piece of a wildcard pattern: literal text, <c>*</c>, <c>?</c>, or a policy variable with its default.</summary>
internal readonly record struct PatternToken(TokenKind Kind, string Text, string? Default = null)
{
    public static PatternToken Literal(string text) => new(TokenKind.Literal, text);

    /// <summary>
    /// Splits a pattern into tokens. With <paramref name="variables"/> (Version 2012-10-17 only, §1.2) <c>${key}</c>
    /// and <c>${key, 'default'}</c> become variables and <c>${*}</c>, <c>${?}</c>, <c>${$}</c> the literal characters;
    /// otherwise <c>${…}</c> is plain text.
    /// </summary>
    public static PatternToken[] Tokenize(string pattern, bool wildcards, bool variables)
    {
        var tokens = new List<PatternToken>();
        var literal = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (variables && c == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                var close = pattern.IndexOf('}', i + 2);
                if (close > 0 && TryVariable(pattern[(i + 2)..close], literal, tokens))
                {
                    i = close;
                    continue;
                }
            }
            if (wildcards && c is '*' or '?')
            {
                Flush(literal, tokens);
                var kind = c == '*' ? TokenKind.Star : TokenKind.Question;
                // Consecutive stars mean the same as one.
                if (!(kind == TokenKind.Star && tokens.Count > 0 && tokens[^1].Kind == TokenKind.Star))
                    tokens.Add(new PatternToken(kind, c.ToString()));
                continue;
            }
            literal.Append(c);
        }
        Flush(literal, tokens);
        return [.. tokens];
    }

    /// <summary>Writes tokens back as pattern text.</summary>
    public static string Render(IEnumerable<PatternToken> tokens)
    {
        var text = new StringBuilder();
        foreach (var token in tokens)
        {
            text.Append(token.Kind switch
            {
                TokenKind.Literal or TokenKind.Star or TokenKind.Question => token.Text,
                TokenKind.Variable when token.Default is null => $"${{{token.Text}}}",
                TokenKind.Variable => $"${{{token.Text}, '{token.Default}'}}",
                _ => throw new InvalidOperationException($"unknown token kind {token.Kind}"),
            });
        }
        return text.ToString();
    }

    private static bool TryVariable(string body, StringBuilder literal, List<PatternToken> tokens)
    {
        if (body is "*" or "?" or "$")
        {
            literal.Append(body);
            return true;
        }
        var comma = body.IndexOf(',', StringComparison.Ordinal);
        var key = (comma < 0 ? body : body[..comma]).Trim();
        if (key.Length == 0)
            return false;
        string? fallback = null;
        if (comma >= 0)
        {
            var rest = body[(comma + 1)..].Trim();
            if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
                return false;
            fallback = rest[1..^1];
        }
        Flush(literal, tokens);
        tokens.Add(new PatternToken(TokenKind.Variable, key, fallback));
        return true;
    }

    private static void Flush(StringBuilder literal, List<PatternToken> tokens)
    {
        if (literal.Length == 0)
            return;
        tokens.Add(Literal(literal.ToString()));
        literal.Clear();
    }
}
