using AuthorizerConformance.Functions;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// A profile's function run by a function host (the Lambda Runtime API host for <c>node:</c>, <c>python:</c>,
/// <c>command:</c>; the in-process loader for <c>dotnet:</c>). The host starts once per run, on first use, and stays
/// warm for every scenario; a second host, started only if a scenario asks for it, runs the function without its secret
/// and keys (UNA-2), a third one with its secret variable set but empty (RFC 8725 §3.5). In-process functions share the
/// process's environment, so for <c>dotnet:</c> only one of these hosts runs at a time: asking for another stops the
/// running one first (it starts again, cold, when a later scenario needs it). The function reads the real clock, so this
/// target has only <see cref="TargetCapability.GatewayEmulation"/> and <see cref="TargetCapability.PassingTime"/> (the
/// emulated gateway's cache reads the scenario's clock). Dispose it at the end of the run.
/// </summary>
public sealed class FunctionHostTarget : IConformanceTarget, IAsyncDisposable
{
    private static readonly IReadOnlySet<string> Only = new HashSet<string>(StringComparer.Ordinal) { TargetCapability.GatewayEmulation, TargetCapability.PassingTime };

    private enum Configuration
    {
        Configured,
        WithoutKeys,
        EmptySecret,
    }

    private readonly Func<FunctionStartInfo, IFunctionHost> _starter;
    private readonly RunKeys _keys;
    private readonly Dictionary<Configuration, Lazy<IFunctionHost>> _hosts = [];
    private readonly Lock _gate = new();

    /// <param name="profile">The profile (its function is started with <paramref name="start"/>).</param>
    /// <param name="keys">The run's keys, handed to the function as the profile's <c>tokens</c> says.</param>
    /// <param name="start">Starts a host; <see cref="FunctionHosts.Start"/> unless a test gives another.</param>
    public FunctionHostTarget(AuthorizerProfile profile, RunKeys keys, Func<FunctionStartInfo, IFunctionHost>? start = null)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _starter = start ?? FunctionHosts.Start;
    }

    /// <inheritdoc />
    public string Name => Profile.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => Only;

    /// <inheritdoc />
    public AuthorizerProfile Profile { get; }

    private bool InProcess => Profile.Function.StartsWith("dotnet:", StringComparison.Ordinal);

    /// <inheritdoc />
    public IAuthorizerFunction CreateFunction(TargetFunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        TargetApplicability.Check(Profile, request.Authorizer, request.ApiType);
        var configuration = request.EmptySecret ? Configuration.EmptySecret : request.WithoutKeys ? Configuration.WithoutKeys : Configuration.Configured;
        return new HostedAuthorizerFunction(Host(configuration), request.Log);
    }

    /// <summary>Starts the function now (instead of on the first invocation), so a profile that cannot start fails once, early.</summary>
    /// <exception cref="ProfileException">The function could not be started; the message says why.</exception>
    public void Warm() => _ = Host(Configuration.Configured).Value;

    /// <summary>Stops the warm processes.</summary>
    public async ValueTask DisposeAsync()
    {
        List<Lazy<IFunctionHost>> hosts;
        lock (_gate)
        {
            hosts = [.. _hosts.Values];
            _hosts.Clear();
        }
        foreach (var host in hosts)
            await StopAsync(host).ConfigureAwait(false);
    }

    private Lazy<IFunctionHost> Host(Configuration configuration)
    {
        List<Lazy<IFunctionHost>> others = [];
        Lazy<IFunctionHost> host;
        lock (_gate)
        {
            if (InProcess)
            {
                // One process environment: the other configurations' hosts must stop before this one sets its variables.
                foreach (var other in _hosts.Where(h => h.Key != configuration).ToList())
                {
                    others.Add(other.Value);
                    _hosts.Remove(other.Key);
                }
            }
            if (!_hosts.TryGetValue(configuration, out host!))
                _hosts[configuration] = host = new Lazy<IFunctionHost>(() => Start(EnvironmentOf(configuration)), LazyThreadSafetyMode.ExecutionAndPublication);
        }
        foreach (var other in others)
            StopAsync(other).AsTask().GetAwaiter().GetResult(); // scenarios run one at a time; the stopped host served an earlier one
        return host;
    }

    private Dictionary<string, string> EnvironmentOf(Configuration configuration) => configuration switch
    {
        Configuration.Configured => Profile.EnvironmentFor(_keys),
        Configuration.WithoutKeys => Profile.EnvironmentFor(_keys, withoutKeys: true),
        Configuration.EmptySecret => Profile.EnvironmentWithEmptySecret(),
        _ => throw new ArgumentOutOfRangeException(nameof(configuration), configuration, "unknown host configuration"),
    };

    private static async ValueTask StopAsync(Lazy<IFunctionHost> host)
    {
        if (!host.IsValueCreated)
            return;
        IFunctionHost? started = null;
        try
        {
            started = host.Value;
        }
        catch (ProfileException)
        {
            // It never started: nothing to stop.
        }
        if (started is not null)
            await started.DisposeAsync().ConfigureAwait(false);
    }

    private IFunctionHost Start(IReadOnlyDictionary<string, string> environment)
    {
        try
        {
            return _starter(new FunctionStartInfo(Profile.Function, Profile.BaseDirectory, environment, Profile.Timeout, Profile.PoolSize));
        }
        catch (FunctionStartException e)
        {
            throw new ProfileException($"{Profile.SourceFile ?? Profile.Name}: $.function: the function \"{Profile.Function}\" could not be started: {e.Message}", e);
        }
    }
}
