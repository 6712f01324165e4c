using AuthorizerConformance.Functions;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// A profile's function run by a function host (the Lambda Runtime API host for <c>node:</c>, <c>python:</c>,
/// <c>command:</c>; the in-process loader for <c>dotnet:</c>). The host starts once per run, on first use, and stays
/// warm for every scenario; a second host, started only if a scenario asks for it, runs the function without its secret
/// and keys (UNA-2), a third one with its secret variable set but empty (RFC 8725 §3.5). The function reads the real clock, so this target has only
/// <see cref="TargetCapability.GatewayEmulation"/>. Dispose it at the end of the run.
/// </summary>
public sealed class FunctionHostTarget : IConformanceTarget, IAsyncDisposable
{
    private static readonly IReadOnlySet<string> Only = new HashSet<string>(StringComparer.Ordinal) { TargetCapability.GatewayEmulation };

    private readonly Lazy<IFunctionHost> _configured;
    private readonly Lazy<IFunctionHost> _withoutKeys;
    private readonly Lazy<IFunctionHost> _emptySecret;

    /// <param name="profile">The profile (its function is started with <paramref name="start"/>).</param>
    /// <param name="keys">The run's keys, handed to the function as the profile's <c>tokens</c> says.</param>
    /// <param name="start">Starts a host; <see cref="FunctionHosts.Start"/> unless a test gives another.</param>
    public FunctionHostTarget(AuthorizerProfile profile, RunKeys keys, Func<FunctionStartInfo, IFunctionHost>? start = null)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        ArgumentNullException.ThrowIfNull(keys);
        var starter = start ?? FunctionHosts.Start;
        _configured = new Lazy<IFunctionHost>(() => Start(starter, profile.EnvironmentFor(keys)), LazyThreadSafetyMode.ExecutionAndPublication);
        _withoutKeys = new Lazy<IFunctionHost>(() => Start(starter, profile.EnvironmentFor(keys, withoutKeys: true)), LazyThreadSafetyMode.ExecutionAndPublication);
        _emptySecret = new Lazy<IFunctionHost>(() => Start(starter, profile.EnvironmentWithEmptySecret()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public string Name => Profile.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => Only;

    /// <inheritdoc />
    public AuthorizerProfile Profile { get; }

    /// <inheritdoc />
    public IAuthorizerFunction CreateFunction(TargetFunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        TargetApplicability.Check(Profile, request.Authorizer, request.ApiType);
        return new HostedAuthorizerFunction(request.EmptySecret ? _emptySecret : request.WithoutKeys ? _withoutKeys : _configured, request.Log);
    }

    /// <summary>Starts the function now (instead of on the first invocation), so a profile that cannot start fails once, early.</summary>
    /// <exception cref="ProfileException">The function could not be started; the message says why.</exception>
    public void Warm() => _ = _configured.Value;

    /// <summary>Stops the warm processes.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _configured, _withoutKeys, _emptySecret }.Where(h => h.IsValueCreated))
        {
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
    }

    private IFunctionHost Start(Func<FunctionStartInfo, IFunctionHost> starter, IReadOnlyDictionary<string, string> environment)
    {
        try
        {
            return starter(new FunctionStartInfo(Profile.Function, Profile.BaseDirectory, environment, Profile.Timeout, Profile.PoolSize));
        }
        catch (FunctionStartException e)
        {
            throw new ProfileException($"{Profile.SourceFile ?? Profile.Name}: $.function: the function \"{Profile.Function}\" could not be started: {e.Message}", e);
        }
    }
}
