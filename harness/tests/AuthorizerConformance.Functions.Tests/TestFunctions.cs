using System.Text;
using AuthorizerConformance.Functions.RuntimeApi;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.Tests;

/// <summary>A temp folder of function files for one test, and the hosts started from it (all disposed with it).</summary>
internal sealed class TestFunctions : IAsyncDisposable
{
    /// <summary>Generous for a loaded 2-core machine; the fault tests set their own small bounds.</summary>
    public static readonly RuntimeApiLimits Limits = RuntimeApiLimits.Default with { InitTimeout = TimeSpan.FromSeconds(20) };

    private readonly List<IFunctionHost> _hosts = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("authz-fn-").FullName;

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows() && (name.EndsWith(".sh", StringComparison.Ordinal) || name == "bootstrap"))
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }

    public IFunctionHost Start(string function, TimeSpan? timeout = null, int poolSize = 2, RuntimeApiLimits? limits = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = FunctionHosts.Start(
            new FunctionStartInfo(function, Folder, environment ?? new Dictionary<string, string>(), timeout ?? TimeSpan.FromSeconds(20), poolSize),
            limits ?? Limits, TimeProvider.System);
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>One invocation's outcome and its captured log.</summary>
internal sealed record Invoked(AuthorizerInvocation Outcome, string Log)
{
    public static async Task<Invoked> Run(IFunctionHost host, string eventJson = """{"type":"TOKEN","authorizationToken":"t"}""", TimeSpan? timeout = null)
    {
        var log = new StringWriter();
        var outcome = await host.InvokeAsync(Encoding.UTF8.GetBytes(eventJson), timeout ?? TimeSpan.FromSeconds(20), log, TestContext.Current.CancellationToken);
        return new(outcome, log.ToString());
    }

    /// <summary>The response body; fails naming the outcome and log when the function did not return.</summary>
    public string Body => Outcome is AuthorizerInvocation.Returned returned
        ? Encoding.UTF8.GetString(returned.ResponseJson.Span)
        : throw new Xunit.Sdk.XunitException($"expected a response, got {Outcome}; log:\n{Log}");

    public AuthorizerInvocation.FunctionError Error => Outcome as AuthorizerInvocation.FunctionError
        ?? throw new Xunit.Sdk.XunitException($"expected a function error, got {Outcome}; log:\n{Log}");

    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;
}
