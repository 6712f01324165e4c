using System.Reflection;
using System.Text;
using AuthorizerConformance.Functions.DotNet;
using AuthorizerConformance.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Functions.Tests.DotNet;

/// <summary>The fixture authorizers (harness/tests/DotNetFixtures), found in their bin folders, and small helpers.</summary>
internal static class DotNetFixture
{
    public static string Authorizer => PathOf("Fixtures.DotNetAuthorizer");

    public static string AssemblySerializer => PathOf("Fixtures.DotNetAuthorizer.AssemblySerializer");

    /// <summary>The function string of a handler of the fixture authorizer: <c>dotnet:&lt;path&gt;::&lt;type&gt;::&lt;method&gt;</c>.</summary>
    public static string Function(string type, string method, string? assembly = null) =>
        $"dotnet:{assembly ?? Authorizer}::Fixtures.DotNetAuthorizer.{type}::{method}";

    public static FunctionStartInfo Info(string function, IReadOnlyDictionary<string, string>? environment = null, int poolSize = 1) =>
        new(function, Path.GetTempPath(), environment ?? new Dictionary<string, string>(), TimeSpan.FromSeconds(3), poolSize);

    public static IFunctionHost Start(string function, TimeProvider? time = null, IReadOnlyDictionary<string, string>? environment = null, int poolSize = 1) =>
        DotNetFunctions.Start(Info(function, environment, poolSize), time ?? new FakeTimeProvider(DateTimeOffset.Parse("2026-12-06T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    public static async Task<AuthorizerInvocation> Invoke(IFunctionHost host, string eventJson, TextWriter? log = null) =>
        await host.InvokeAsync(Encoding.UTF8.GetBytes(eventJson), TimeSpan.FromSeconds(3), log ?? TextWriter.Null, TestContext.Current.CancellationToken);

    /// <summary>The response JSON of an invocation that returned; fails the test with the outcome otherwise.</summary>
    public static string Returned(AuthorizerInvocation outcome) => outcome is AuthorizerInvocation.Returned returned
        ? Encoding.UTF8.GetString(returned.ResponseJson.Span)
        : throw new Xunit.Sdk.XunitException($"expected the function to return, got {outcome}");

    private static string PathOf(string name)
    {
        var metadata = typeof(DotNetFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var path = Path.Combine(metadata["DotNetFixtures"]!, name, metadata["DotNetFixtureOutput"]!, name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"fixture {name} was not built at {path}", path);
    }
}
