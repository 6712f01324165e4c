using System.Runtime.Loader;
using System.Text.Json;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>A handler loaded from a file lives in its own load context, one per execution environment.</summary>
public class DotNetIsolationTests
{
    [Fact]
    public async Task The_handler_and_its_Amazon_Lambda_Core_load_in_their_own_context_not_the_test_projects()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "LoadContext"));

        using var contexts = JsonDocument.Parse(DotNetFixture.Returned(await DotNetFixture.Invoke(host, "{}")));

        Assert.Equal("dotnet-function:Fixtures.DotNetAuthorizer.dll", contexts.RootElement.GetProperty("handler").GetString());
        Assert.Equal("dotnet-function:Fixtures.DotNetAuthorizer.dll", contexts.RootElement.GetProperty("core").GetString());
        // The isolation means something only if the look-alike is nowhere near the test project's own context.
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name == "Amazon.Lambda.Core");
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "Amazon.Lambda.Core.dll")));
    }

    [Fact]
    public async Task Each_execution_environment_of_the_pool_has_its_own_statics()
    {
        await using var host = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "Hang"), poolSize: 2);
        var release = Path.Combine(Path.GetTempPath(), $"release-{Guid.NewGuid():N}");

        // The first invocation holds one environment until released; the second must run in the other. Each counts from 1.
        var held = DotNetFixture.Invoke(host, JsonSerializer.Serialize(new { waitFor = release }));
        var other = await DotNetFixture.Invoke(host, "{}");
        await File.WriteAllTextAsync(release, string.Empty, TestContext.Current.CancellationToken);

        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(other));
        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(await held));
        File.Delete(release);
    }

    [Fact]
    public async Task Two_hosts_of_the_same_assembly_do_not_share_statics()
    {
        await using var first = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "StaticCount"));
        await using var second = DotNetFixture.Start(DotNetFixture.Function("StreamHandlers", "StaticCount"));

        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(await DotNetFixture.Invoke(first, "{}")));
        Assert.Equal("{\"calls\":2}", DotNetFixture.Returned(await DotNetFixture.Invoke(first, "{}")));
        Assert.Equal("{\"calls\":1}", DotNetFixture.Returned(await DotNetFixture.Invoke(second, "{}")));
    }
}
