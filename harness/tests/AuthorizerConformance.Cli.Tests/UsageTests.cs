namespace AuthorizerConformance.Cli.Tests;

public class UsageTests
{
    [Fact]
    public void An_unknown_command_is_a_usage_error_with_exit_code_2()
    {
        var (code, _, stderr) = CliRunner.Run("no-such-command");

        Assert.Equal(2, code);
        Assert.Contains("no-such-command", stderr, StringComparison.Ordinal);
    }
}
