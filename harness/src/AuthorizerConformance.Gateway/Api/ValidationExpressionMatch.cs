namespace AuthorizerConformance.Gateway;

/// <summary>How the TOKEN identity validation expression is applied (TOK-8).</summary>
public enum ValidationExpressionMatch
{
    /// <summary>The whole token must match (Java <c>Matcher.matches()</c>).</summary>
    WholeString,

    /// <summary>A match anywhere in the token is enough (JS <c>RegExp.test</c>).</summary>
    Find,
}
