namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>Recursive-descent parser of <see cref="TagExpression"/>: or → and → not → tag | ( or ).</summary>
internal sealed class TagExpressionParser(string text)
{
    private readonly List<(string Token, int At)> _tokens = Tokenize(text);
    private int _next;

    public Func<IReadOnlySet<string>, bool>? Parse(out string? error)
    {
        error = null;
        try
        {
            if (_tokens.Count == 0)
                throw new FormatException("the expression is empty");
            var result = Or();
            if (_next < _tokens.Count)
                throw Unexpected();
            return result;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private Func<IReadOnlySet<string>, bool> Or()
    {
        var left = And();
        while (Accept("or"))
        {
            var (l, r) = (left, And());
            left = tags => l(tags) || r(tags);
        }
        return left;
    }

    private Func<IReadOnlySet<string>, bool> And()
    {
        var left = Not();
        while (Accept("and"))
        {
            var (l, r) = (left, Not());
            left = tags => l(tags) && r(tags);
        }
        return left;
    }

    private Func<IReadOnlySet<string>, bool> Not()
    {
        if (Accept("not"))
        {
            var operand = Not();
            return tags => !operand(tags);
        }
        if (Accept("("))
        {
            var inner = Or();
            if (!Accept(")"))
                throw _next < _tokens.Count ? Unexpected() : new FormatException("a '(' is not closed");
            return inner;
        }
        if (_next >= _tokens.Count)
            throw new FormatException("the expression ends where a tag was expected");
        var (token, at) = _tokens[_next];
        if (token is "and" or "or" or ")" || !token.StartsWith('@'))
            throw new FormatException($"expected a tag like @smoke at character {at + 1}, found '{token}'");
        _next++;
        var tag = Tags.Strip(token);
        return tags => tags.Contains(tag);
    }

    private bool Accept(string token)
    {
        if (_next < _tokens.Count && _tokens[_next].Token == token)
        {
            _next++;
            return true;
        }
        return false;
    }

    private FormatException Unexpected() =>
        new($"unexpected '{_tokens[_next].Token}' at character {_tokens[_next].At + 1}");

    private static List<(string, int)> Tokenize(string text)
    {
        var tokens = new List<(string, int)>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] is '(' or ')')
            {
                tokens.Add((text[i].ToString(), i));
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
                i++;
            tokens.Add((text[start..i], start));
        }
        return tokens;
    }
}
