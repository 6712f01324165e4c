using AuthorizerConformance.Functions.DotNet;

namespace AuthorizerConformance.Functions.Tests.DotNet;

public class LogLineTests
{
    [Theory]
    [InlineData(null, "plain", "plain")]
    [InlineData("Information", "user {id} from {ip}", "[Information] user 42 from 10.0.0.1")]
    [InlineData("Warning", "no placeholders", "[Warning] no placeholders")]
    [InlineData("Error", "{a} {b} {c}", "[Error] 42 10.0.0.1 {c}")]
    public void A_leveled_line_fills_the_templates_placeholders_in_order(string? level, string message, string expected)
    {
        Assert.Equal(expected, LogLine.Format(level, message, [42, "10.0.0.1"], exception: null));
    }

    [Fact]
    public void An_exception_follows_the_message_on_its_own_lines()
    {
        var line = LogLine.Format("Error", "failed", null, new InvalidOperationException("key store down"));

        Assert.StartsWith("[Error] failed" + Environment.NewLine + "System.InvalidOperationException: key store down", line, StringComparison.Ordinal);
    }
}
