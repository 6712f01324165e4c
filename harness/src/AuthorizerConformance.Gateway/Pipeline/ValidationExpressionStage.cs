using System.Text.RegularExpressions;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// Stage 2, validation expression: TOKEN only (TOK-2, REQ-4). A token that fails the expression gets 401 and
/// never reaches the cache or the authorizer (TOK-7, TOK-9).
/// </summary>
internal static class ValidationExpressionStage
{
    /// <summary>TOK-8 (L): the whole-string form anchors the pattern on both ends, as Java's <c>matches()</c> does.</summary>
    public static Regex? Anchored(Regex? expression) =>
        expression is null ? null : new Regex($"\\A(?:{expression})\\z", expression.Options, expression.MatchTimeout);

    public static bool Passes(ActiveAuthorizer authorizer, string token, ValidationExpressionMatch mode) => mode switch
    {
        ValidationExpressionMatch.WholeString => authorizer.WholeStringExpression?.IsMatch(token) ?? true,
        ValidationExpressionMatch.Find => authorizer.Definition.IdentityValidationExpression?.IsMatch(token) ?? true,
        _ => throw new InvalidOperationException($"Unknown ValidationExpressionMatch {mode}."),
    };
}
