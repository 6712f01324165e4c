using AuthorizerConformance.Functions.DotNet;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>What Lambda's .NET runtime refuses at init is refused at start, naming what and where.</summary>
public class DotNetStartTests
{
    [Fact]
    public async Task FunctionHosts_dispatches_a_dotnet_function_string_to_the_in_process_host()
    {
        await using var host = FunctionHosts.Start(DotNetFixture.Info(DotNetFixture.Function("StreamHandlers", "Echo")));

        Assert.Equal(DotNetFixture.Function("StreamHandlers", "Echo"), host.Function);
        Assert.Equal("{\"a\":1}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{\"a\":1}")));
    }

    [Fact]
    public async Task The_assembly_path_is_relative_to_the_base_directory_and_may_leave_off_dll()
    {
        var directory = Path.GetDirectoryName(DotNetFixture.Authorizer)!;
        var info = new FunctionStartInfo("dotnet:./Fixtures.DotNetAuthorizer::Fixtures.DotNetAuthorizer.StreamHandlers::Echo", directory, new Dictionary<string, string>(), TimeSpan.FromSeconds(3), 1);

        await using var host = DotNetFunctions.Start(info);

        Assert.Equal("{}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));
    }

    [Fact]
    public void A_missing_assembly_file_is_named_with_its_resolved_path()
    {
        var info = new FunctionStartInfo("dotnet:nowhere/Auth.dll::T::M", "/base", new Dictionary<string, string>(), TimeSpan.FromSeconds(3));

        var error = Assert.Throws<FunctionStartException>(() => DotNetFunctions.Start(info));

        Assert.Contains("'/base/nowhere/Auth.dll' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_assembly_name_that_is_neither_a_file_nor_registered_says_how_to_register_it()
    {
        var info = new FunctionStartInfo("dotnet:NotRegistered::T::M", "/base", new Dictionary<string, string>(), TimeSpan.FromSeconds(3));

        var error = Assert.Throws<FunctionStartException>(() => DotNetFunctions.Start(info));

        Assert.Contains("'/base/NotRegistered.dll' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("DotNetFunctions.Register", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Missing", "Handle", "unable to load type 'Fixtures.DotNetAuthorizer.Missing' from assembly 'Fixtures.DotNetAuthorizer'")]
    [InlineData("StreamHandlers", "Nope", "unable to find method 'Nope' in type 'Fixtures.DotNetAuthorizer.StreamHandlers'")]
    [InlineData("InvalidHandlers", "TooManyParameters", "has more than 2 parameters")]
    [InlineData("InvalidHandlers", "SecondIsNotContext", "the second is not 'Amazon.Lambda.Core.ILambdaContext'")]
    [InlineData("InvalidHandlers", "Generic", "cannot be a Lambda handler: it is generic")]
    [InlineData("InvalidHandlers", "AsyncVoid", "cannot be a Lambda handler: it is 'async void'")]
    [InlineData("InvalidHandlers", "ValueTaskHandler", "awaits only Task and Task<T>")]
    [InlineData("TypedHandlers", "NoSerializer", "found no Amazon.Lambda.Core.LambdaSerializerAttribute on method 'NoSerializer' or its assembly to deserialize the event to 'Fixtures.DotNetAuthorizer.TokenRequest'")]
    [InlineData("BrokenConstructorHandler", "Handle", "initializing 'Fixtures.DotNetAuthorizer.BrokenConstructorHandler' threw InvalidOperationException: AUTH_TOKEN_SALT is not set")]
    public void A_handler_Lambda_would_refuse_is_refused_at_start_naming_the_function_and_the_assembly(string type, string method, string why)
    {
        var function = DotNetFixture.Function(type, method);

        var error = Assert.Throws<FunctionStartException>(() => DotNetFixture.Start(function));

        Assert.Contains($"function \"{function}\" (assembly {DotNetFixture.Authorizer})", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_missing_beside_the_assembly_is_named_with_how_to_ship_it()
    {
        var folder = Directory.CreateTempSubdirectory("dotnet-function-").FullName;
        try
        {
            foreach (var file in (string[])["Fixtures.DotNetAuthorizer.dll", "Fixtures.DotNetAuthorizer.deps.json"])
                File.Copy(Path.Combine(Path.GetDirectoryName(DotNetFixture.Authorizer)!, file), Path.Combine(folder, file));
            var function = $"dotnet:{Path.Combine(folder, "Fixtures.DotNetAuthorizer.dll")}::Fixtures.DotNetAuthorizer.TypedHandlers::Authorize";

            var error = Assert.Throws<FunctionStartException>(() => DotNetFixture.Start(function));

            Assert.Contains($"function \"{function}\"", error.Message, StringComparison.Ordinal);
            Assert.Contains("Amazon.Lambda.Core", error.Message, StringComparison.Ordinal);
            Assert.Contains("dotnet publish", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_method_declared_on_a_base_type_is_found_through_the_derived_type()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("DerivedHandler", "Inherited"));

        Assert.Equal("{\"b\":3}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{\"b\":3}")));
    }

    [Fact]
    public void An_instance_method_on_an_abstract_type_is_refused()
    {
        var error = Assert.Throws<FunctionStartException>(() => DotNetFixture.Start(DotNetFixture.Function("HandlerBase", "Inherited")));

        Assert.Contains("type 'Fixtures.DotNetAuthorizer.HandlerBase' cannot hold a Lambda handler: it is abstract and the method is not static", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overloaded_method_name_is_refused_listing_the_signatures_to_choose_from()
    {
        var error = Assert.Throws<FunctionStartException>(() => DotNetFixture.Start(DotNetFixture.Function("InvalidHandlers", "Overloaded")));

        Assert.Contains("'System.IO.Stream Overloaded(System.IO.Stream)'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'System.IO.Stream Overloaded(System.IO.Stream, Amazon.Lambda.Core.ILambdaContext)'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overload_named_by_its_full_signature_is_the_one_called()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("InvalidHandlers", "System.IO.Stream Overloaded(System.IO.Stream)"));

        Assert.Equal("{\"x\":2}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{\"x\":2}")));
    }
}
