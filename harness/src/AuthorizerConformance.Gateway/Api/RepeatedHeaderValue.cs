namespace AuthorizerConformance.Gateway;

/// <summary>Which value of a repeated header a REST identity source uses (TOK-10).</summary>
public enum RepeatedHeaderValue
{
    /// <summary>The last value, as REST collapses <c>headers</c>.</summary>
    Last,

    /// <summary>The first value.</summary>
    First,
}
