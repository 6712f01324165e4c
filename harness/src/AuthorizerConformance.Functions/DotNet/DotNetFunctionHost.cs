using System.Collections.Concurrent;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// An in-process .NET function: a pool of <see cref="FunctionStartInfo.PoolSize"/> warm execution environments, one
/// invocation at a time in each. A handler that overruns its deadline is a <see cref="AuthorizerInvocation.TimedOut"/>;
/// its environment is retired and a fresh one (re-loaded, re-initialized, as Lambda replaces a timed-out sandbox)
/// takes its place. Its thread cannot be killed and runs on: once as many overrunning handlers are still running as
/// the pool is large, the host refuses further invocations with an <see cref="InvalidOperationException"/> saying so,
/// rather than pile up runaway threads or hang.
/// </summary>
internal sealed class DotNetFunctionHost : IFunctionHost
{
    private readonly Func<ExecutionEnvironment> _create;
    private readonly ConcurrentStack<ExecutionEnvironment> _idle = new();
    private readonly SemaphoreSlim _slots;
    private readonly Lock _gate = new();
    private readonly List<ExecutionEnvironment> _overrunning = [];
    private readonly int _poolSize;
    private readonly TimeSpan _timeout;
    private readonly IDisposable _environment;
    private int _disposed;

    private DotNetFunctionHost(string function, Func<ExecutionEnvironment> create, int poolSize, TimeSpan timeout, IDisposable environment)
    {
        Function = function;
        _create = create;
        _poolSize = poolSize;
        _slots = new SemaphoreSlim(poolSize, poolSize);
        _timeout = timeout;
        _environment = environment;
    }

    /// <inheritdoc />
    public string Function { get; }

    /// <summary>Starts every environment of the pool now, so a function that cannot start fails here, not mid-run.</summary>
    /// <exception cref="FunctionStartException">The handler cannot be loaded, bound or initialized.</exception>
    public static DotNetFunctionHost Start(FunctionStartInfo info, Func<ExecutionEnvironment> create, IDisposable environment)
    {
        var host = new DotNetFunctionHost(info.Function, create, info.PoolSize, info.Timeout, environment);
        try
        {
            for (var i = 0; i < info.PoolSize; i++)
                host._idle.Push(create());
            return host;
        }
        catch
        {
            host.Stop();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>A <paramref name="timeout"/> of zero or less (or infinite) means the function's configured timeout.</remarks>
    /// <exception cref="InvalidOperationException">Handlers that overran their deadline are still running (see the type's remarks).</exception>
    public async ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(log);
        if (timeout <= TimeSpan.Zero)
            timeout = _timeout;
        RefuseWhenOverrun();
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        ExecutionEnvironment? environment = null;
        try
        {
            environment = _idle.TryPop(out var idle) ? idle : Replacement();
            var outcome = await environment.InvokeAsync(eventJson, timeout, log, cancellationToken).ConfigureAwait(false);
            if (outcome is AuthorizerInvocation.TimedOut)
                Retire(environment);
            else
                _idle.Push(environment);
            environment = null;
            return outcome;
        }
        finally
        {
            if (environment is not null)
                Retire(environment); // cancelled mid-invocation: abandoned like an overrun
            _slots.Release();
        }
    }

    /// <summary>Stops the host: its environments are dropped and the environment variables restored.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        _idle.Clear();
        _environment.Dispose();
    }

    private ExecutionEnvironment Replacement()
    {
        try
        {
            return _create();
        }
        catch (FunctionStartException e)
        {
            throw new InvalidOperationException($"function \"{Function}\": a replacement execution environment (after a timeout) failed to start: {e.Message}", e);
        }
    }

    private void Retire(ExecutionEnvironment environment)
    {
        lock (_gate)
            _overrunning.Add(environment);
    }

    private void RefuseWhenOverrun()
    {
        lock (_gate)
        {
            _overrunning.RemoveAll(e => !e.IsRunning);
            if (_overrunning.Count >= _poolSize)
                throw new InvalidOperationException(
                    $"function \"{Function}\": {_overrunning.Count} invocation(s) overran their deadline and are still running in this process. "
                    + "A .NET thread cannot be stopped from outside, so this in-process host refuses further invocations rather than pile up runaway handlers. "
                    + "Fix the handler, or run the function out of process (command: with Amazon.Lambda.RuntimeSupport), where a timed-out function is killed.");
        }
    }
}
