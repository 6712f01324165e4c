using AuthorizerConformance.Harness.Lint;

namespace AuthorizerConformance.Harness.Tests.Lint;

/// <summary>The class of a fuzzing find (issue 13): an output whose bytes are not UTF-8 is unreadable, never an exception.</summary>
public class NotUtf8OutputLintTests
{
    [Fact]
    public void An_output_that_is_not_UTF8_is_unreadable()
    {
        byte[] output = [.. "{\"principalId\":\"u\",\"policy"u8, 0x8E, .. "\":{}}"u8];

        var result = OutputLinter.Lint(new LintSubject(output));

        Assert.Equal("not UTF-8 text", result.Unreadable);
        Assert.Empty(result.Findings);
    }
}
