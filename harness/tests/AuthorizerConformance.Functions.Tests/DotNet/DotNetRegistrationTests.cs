using System.Reflection;
using System.Runtime.Loader;
using AuthorizerConformance.Functions.DotNet;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>
/// A test project that references its authorizer registers the assembly in one line and names it in the function
/// string without a path. Here the "referenced" assembly is loaded by the test into a context of its own, so this test
/// project's default context stays free of the look-alike Amazon.Lambda.Core (see DotNetIsolationTests).
/// </summary>
public class DotNetRegistrationTests
{
    private static readonly Assembly Referenced = new HandlerLoadContext(DotNetFixture.AssemblySerializer).LoadFromAssemblyPath(DotNetFixture.AssemblySerializer);

    [Fact]
    public async Task A_registered_assembly_is_run_as_loaded_by_its_name_without_a_path()
    {
        DotNetFunctions.Register(Referenced);
        var info = new FunctionStartInfo(
            "dotnet:Fixtures.DotNetAuthorizer.AssemblySerializer::Fixtures.DotNetAuthorizer.AssemblySerializer.Function::Handler",
            "/nowhere", new Dictionary<string, string>(), TimeSpan.FromSeconds(3), 1);

        await using var host = FunctionHosts.Start(info);

        Assert.Equal("{\"PrincipalId\":\"t\"}", DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{\"authorizationToken\":\"t\"}")));
    }

    [Fact]
    public void Registering_the_same_assembly_again_is_harmless_but_another_of_the_same_name_is_refused()
    {
        var other = new HandlerLoadContext(DotNetFixture.AssemblySerializer).LoadFromAssemblyPath(DotNetFixture.AssemblySerializer);
        DotNetFunctions.Register(Referenced);
        DotNetFunctions.Register(Referenced);

        var error = Assert.Throws<InvalidOperationException>(() => DotNetFunctions.Register(other));

        Assert.Contains("'Fixtures.DotNetAuthorizer.AssemblySerializer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_assembly_runs_in_the_context_it_was_loaded_in_and_a_path_still_loads_the_file()
    {
        var context = new TestProjectLoadContext(DotNetFixture.Authorizer);
        DotNetFunctions.Register(context.LoadFromAssemblyPath(DotNetFixture.Authorizer));

        await using var registered = DotNetFixture.Start("dotnet:Fixtures.DotNetAuthorizer::Fixtures.DotNetAuthorizer.StreamHandlers::LoadContext");
        await using var file = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "LoadContext"));

        Assert.Equal("{\"handler\":\"test-project\",\"core\":\"test-project\"}", DotNetFixture.Returned(await DotNetFixture.Invoke(registered, "{}")));
        Assert.Contains("\"handler\":\"dotnet-function:Fixtures.DotNetAuthorizer.dll\"", DotNetFixture.Returned(await DotNetFixture.Invoke(file, "{}")), StringComparison.Ordinal);
    }

    /// <summary>Stands in for the test project's own context, which must not hold the look-alikes.</summary>
    private sealed class TestProjectLoadContext(string path) : AssemblyLoadContext("test-project")
    {
        private readonly AssemblyDependencyResolver _resolver = new(path);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } found ? LoadFromAssemblyPath(found) : null;
    }
}
