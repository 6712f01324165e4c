namespace AuthorizerConformance.Functions.Tests;

public class FunctionHostsTests
{
    [Fact]
    public void A_function_string_without_a_known_prefix_is_refused_naming_the_known_ones()
    {
        var info = new FunctionStartInfo("ruby:auth.rb", Path.GetTempPath(), new Dictionary<string, string>(), TimeSpan.FromSeconds(3));

        var error = Assert.Throws<FunctionStartException>(() => FunctionHosts.Start(info));

        Assert.Contains("\"ruby:auth.rb\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("node:, python:, command:, dotnet:", error.Message, StringComparison.Ordinal);
    }
}
