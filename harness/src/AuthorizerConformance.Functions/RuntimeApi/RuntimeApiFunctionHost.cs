using System.Collections.Concurrent;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// A function run through the Lambda Runtime API (<c>node:</c>, <c>python:</c>, <c>command:</c>): a pool of at most
/// <see cref="FunctionStartInfo.PoolSize"/> warm execution environments, each running one invocation at a time.
/// Environments start on demand; one that faults is dropped and a fresh one takes the next invocation, as Lambda does.
/// </summary>
internal sealed class RuntimeApiFunctionHost : IFunctionHost
{
    private readonly FunctionCommand _command;
    private readonly FunctionStartInfo _info;
    private readonly RuntimeApiLimits _limits;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<ExecutionEnvironment> _idle = new();
    private readonly ConcurrentDictionary<ExecutionEnvironment, byte> _all = new();
    private int _initTimeoutsInARow;
    private AuthorizerInvocation.FunctionError? _givenUp;

    public RuntimeApiFunctionHost(FunctionStartInfo info, RuntimeApiLimits limits, TimeProvider time)
    {
        if (info.PoolSize < 1)
            throw new FunctionStartException($"function \"{info.Function}\": the pool size is {info.PoolSize}; it must be at least 1");
        if (info.Timeout <= TimeSpan.Zero)
            throw new FunctionStartException($"function \"{info.Function}\": the timeout must be positive");
        LambdaEnvironment.CheckProfileVariables(info.Environment);
        _command = FunctionCommand.Parse(info.Function, info.BaseDirectory);
        _info = info;
        _limits = limits;
        _time = time;
        _slots = new SemaphoreSlim(info.PoolSize, info.PoolSize);
    }

    public string Function => _info.Function;

    public async ValueTask<AuthorizerInvocation> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (_givenUp is { } givenUp)
        {
            log.WriteLine($"[harness] not started again: the last {_limits.InitTimeoutsBeforeGivingUp} starts of this function timed out in init");
            return givenUp;
        }
        // The function's own timeout caps the caller's (the gateway's): Lambda stops the function at its own deadline.
        var effective = timeout > TimeSpan.Zero && timeout < _info.Timeout ? timeout : _info.Timeout;
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                if (!_idle.TryPop(out var environment))
                {
                    environment = new ExecutionEnvironment(_command, _info, _limits, _time);
                    _all[environment] = 0;
                }
                EnvironmentOutcome outcome;
                try
                {
                    outcome = await environment.InvokeAsync(eventJson, effective, log, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await RetireAsync(environment).ConfigureAwait(false);
                    throw;
                }
                if (environment.IsReusable)
                    _idle.Push(environment);
                else
                    await RetireAsync(environment).ConfigureAwait(false);
                if (outcome.Result is null)
                    continue; // The warm process had died before it took the event: a fresh one takes it (its init is new).
                CountInitTimeouts(outcome);
                return outcome.Result;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private void CountInitTimeouts(EnvironmentOutcome outcome)
    {
        if (!outcome.InitTimedOut)
        {
            Interlocked.Exchange(ref _initTimeoutsInARow, 0);
            return;
        }
        if (Interlocked.Increment(ref _initTimeoutsInARow) >= _limits.InitTimeoutsBeforeGivingUp)
            _givenUp = (AuthorizerInvocation.FunctionError)outcome.Result!;
    }

    private async Task RetireAsync(ExecutionEnvironment environment)
    {
        _all.TryRemove(environment, out _);
        await environment.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var environment in _all.Keys)
            await RetireAsync(environment).ConfigureAwait(false);
        _idle.Clear();
        _slots.Dispose();
    }
}
