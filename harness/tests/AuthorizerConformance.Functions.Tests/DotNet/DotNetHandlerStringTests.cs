using AuthorizerConformance.Functions.DotNet;

namespace AuthorizerConformance.Functions.Tests.DotNet;

public class DotNetHandlerStringTests
{
    [Fact]
    public void A_handler_string_splits_into_assembly_type_and_method_trimmed()
    {
        var handler = DotNetHandlerString.Parse("dotnet: bin/Auth.dll :: My.Ns.Function :: Handle ");

        Assert.Equal(("bin/Auth.dll", "My.Ns.Function", "Handle"), (handler.Assembly, handler.TypeName, handler.MethodName));
    }

    [Fact]
    public void The_method_part_keeps_further_separators_as_Lambda_splits_into_three()
    {
        var handler = DotNetHandlerString.Parse("dotnet:Auth::T::System.IO.Stream M(System.IO.Stream)::x");

        Assert.Equal("System.IO.Stream M(System.IO.Stream)::x", handler.MethodName);
    }

    [Theory]
    [InlineData("dotnet:Auth::T", "fewer than three parts")]
    [InlineData("dotnet:Auth", "fewer than three parts")]
    [InlineData("dotnet: ::T::M", "the assembly is missing")]
    [InlineData("dotnet:Auth:: ::M", "the type is missing")]
    [InlineData("dotnet:Auth::T::", "the method is missing")]
    public void A_malformed_handler_string_is_refused_saying_what_is_missing_and_the_valid_format(string function, string why)
    {
        var error = Assert.Throws<FunctionStartException>(() => DotNetHandlerString.Parse(function));

        Assert.Contains($"\"{function}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("'dotnet:ASSEMBLY::TYPE::METHOD'", error.Message, StringComparison.Ordinal);
    }
}
