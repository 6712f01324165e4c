using AuthorizerConformance.Functions.RuntimeApi;

namespace AuthorizerConformance.Functions.Tests;

/// <summary>A function string that cannot work is refused when the host starts, naming what and where.</summary>
public sealed class FunctionStringTests
{
    [Theory]
    [InlineData("python:app.py", "no function name after the file; expected python:<file>#<function>, e.g. python:app.py#handler")]
    [InlineData("python:app.py#", "no function name after the file")]
    [InlineData("node:#handler", "no file; expected node:<file>[#export]")]
    [InlineData("node:missing.mjs#handler", "file not found: ")]
    [InlineData("node:app.py#a-b", "\"a-b\" is not a name")]
    [InlineData("command:", "the command line is empty")]
    [InlineData("command:./missing-bootstrap", "file not found: ")]
    [InlineData("command:sh -c 'unclosed", "the ' at column 7 is never closed")]
    public async Task A_malformed_function_string_is_refused_at_start(string function, string message)
    {
        await using var functions = new TestFunctions();
        functions.Write("app.py", "def handler(e, c): return 1\n");

        var error = Assert.Throws<FunctionStartException>(() => functions.Start(function));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(function, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_may_not_set_Lambdas_reserved_variables()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", "export const handler = async () => 1;");

        var error = Assert.Throws<FunctionStartException>(() => functions.Start("node:auth.mjs#handler",
            environment: new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1", ["_HANDLER"] = "x", ["LOG_LEVEL"] = "info" }));

        Assert.Equal("environment: AWS_REGION, _HANDLER are reserved by Lambda and set by the host; remove them from the profile", error.Message);
    }

    [Theory]
    [InlineData("./bootstrap", new[] { "./bootstrap" })]
    [InlineData("  node  app.mjs  --flag ", new[] { "node", "app.mjs", "--flag" })]
    [InlineData("sh -c 'echo \"$X\" done'", new[] { "sh", "-c", "echo \"$X\" done" })]
    [InlineData("a\\ b \"c \\\"d\\\"\" ''", new[] { "a b", "c \"d\"", "" })]
    public void A_command_line_is_split_into_words_as_a_shell_quotes_them(string line, string[] words)
    {
        Assert.Equal(words, CommandLine.Split(line));
    }
}
