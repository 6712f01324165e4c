namespace AuthorizerConformance.Reqnroll.xUnit3.Tests;

public class TagExpressionTests
{
    [Theory]
    [InlineData("@smoke", "smoke,rule:TOK-6", true)]
    [InlineData("@smoke", "rule:TOK-6", false)]
    [InlineData("not @smoke", "rule:TOK-6", true)]
    [InlineData("@a and @b", "a", false)]
    [InlineData("@a and @b", "a,b", true)]
    [InlineData("@a or @b", "b", true)]
    [InlineData("@a or @b and @c", "a", true)] // and binds tighter than or
    [InlineData("(@a or @b) and @c", "a", false)]
    [InlineData("not (@a or @b)", "c", true)]
    [InlineData("not (@a or @b)", "b", false)]
    [InlineData("not @a and @b", "b", true)]
    [InlineData("@needs:gateway-emulation and not @verify-on-aws", "needs:gateway-emulation", true)]
    [InlineData("@Smoke", "smoke", false)] // tags are case-sensitive, as in Cucumber
    public void Matches_as_Cucumber_does(string expression, string tags, bool expected)
    {
        var parsed = TagExpression.TryParse(expression, out var error);

        Assert.Null(error);
        Assert.Equal(expected, parsed!.Matches(tags.Split(',')));
    }

    [Theory]
    [InlineData("", "the expression is empty")]
    [InlineData("@a and", "the expression ends where a tag was expected")]
    [InlineData("(@a or @b", "a '(' is not closed")]
    [InlineData("@a @b", "unexpected '@b' at character 4")]
    [InlineData("smoke", "expected a tag like @smoke at character 1, found 'smoke'")]
    [InlineData("@a or or @b", "expected a tag like @smoke at character 7, found 'or'")]
    public void A_malformed_expression_is_an_error_saying_where(string expression, string expected)
    {
        Assert.Null(TagExpression.TryParse(expression, out var error));
        Assert.Equal(expected, error);
    }
}
