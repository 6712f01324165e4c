using System.Text.RegularExpressions;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// Stage 2, validation expression: TOKEN only (TOK-2, REQ-4). A token that fails the expression gets 401 and
/// never reaches the cache or the authorizer (TOK-7, TOK-9). Every expression carries a match timeout; running out of
/// time is a failed validation (<see cref="FailureCodes.ValidationExpressionTimeout"/>), never an exception.
/// </summary>
internal static class ValidationExpressionStage
{
    /// <summary>
    /// TOK-8 (L): the whole-string form anchors the pattern on both ends, as Java's <c>matches()</c> does. A free-spacing
    /// <c>(?x)</c> comment without a closing newline would swallow the textual anchoring (issue 16 defect 7): such an
    /// expression cannot be anchored and is refused (the scenario parser reports it with its JSON path).
    /// </summary>
    public static Regex? Anchored(Regex? expression)
    {
        if (expression is null)
            return null;
        try
        {
            return new Regex($"\\A(?:{expression})\\z", expression.Options, expression.MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(
                "the expression cannot be anchored for a whole-string match: a free-spacing (?x) comment (#) runs to the end of the " +
                $"expression and would swallow the anchoring; end the comment with a newline ({e.Message})", nameof(expression), e);
        }
    }

    public static ValidationOutcome Check(ActiveAuthorizer authorizer, string token, ValidationExpressionMatch mode)
    {
        var expression = mode switch
        {
            ValidationExpressionMatch.WholeString => authorizer.WholeStringExpression,
            ValidationExpressionMatch.Find => authorizer.Definition.IdentityValidationExpression,
            _ => throw new InvalidOperationException($"Unknown ValidationExpressionMatch {mode}."),
        };
        if (expression is null)
            return ValidationOutcome.Passed;
        try
        {
            return expression.IsMatch(token) ? ValidationOutcome.Passed : ValidationOutcome.Failed;
        }
        catch (RegexMatchTimeoutException)
        {
            return ValidationOutcome.TimedOut;
        }
    }
}
