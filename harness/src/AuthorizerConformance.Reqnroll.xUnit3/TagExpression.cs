namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// A Cucumber tag expression (<c>@smoke and not (@slow or @verify-on-aws)</c>): tags, <c>and</c>, <c>or</c>,
/// <c>not</c> and parentheses, with the usual precedence (not, then and, then or). Tags are matched exactly
/// (case-sensitive, the leading <c>@</c> optional on both sides). Selects the scenarios of a run
/// (<see cref="EnvironmentVariable"/>, <c>authz run --tags</c>).
/// </summary>
public sealed class TagExpression
{
    /// <summary>The environment variable that restricts a run to the scenarios whose tags match.</summary>
    public const string EnvironmentVariable = "AUTHZ_TAGS";

    private readonly Func<IReadOnlySet<string>, bool> _matches;

    private TagExpression(string text, Func<IReadOnlySet<string>, bool> matches)
    {
        Text = text;
        _matches = matches;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what and at which character.</summary>
    public static TagExpression? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new TagExpressionParser(text);
        var matches = parser.Parse(out error);
        return matches is null ? null : new TagExpression(text, matches);
    }

    /// <summary>The expression in <see cref="EnvironmentVariable"/>, null when unset; an invalid one is an error naming it.</summary>
    public static TagExpression? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is not { } text || string.IsNullOrWhiteSpace(text))
            return null;
        return TryParse(text, out var error)
            ?? throw new InvalidOperationException($"{EnvironmentVariable}='{text}' is not a tag expression: {error}");
    }

    /// <summary>True when <paramref name="tags"/> (with or without '@') satisfy the expression.</summary>
    public bool Matches(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return _matches(tags.Select(Tags.Strip).ToHashSet(StringComparer.Ordinal));
    }
}
