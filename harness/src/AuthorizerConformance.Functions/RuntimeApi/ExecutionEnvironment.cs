using System.ComponentModel;
using System.Diagnostics;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// One Lambda execution environment: a function process, its own Runtime API server, and the invocation in flight
/// (one at a time). Warm across invocations; once its process faults (exit, timeout, init error) it is not reused.
/// </summary>
internal sealed partial class ExecutionEnvironment : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(2);

    private readonly FunctionCommand _command;
    private readonly FunctionStartInfo _info;
    private readonly RuntimeApiLimits _limits;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly RuntimeApiServer _server;
    private readonly ProcessLog _log;
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private Task<int> _exited = Task.FromResult(-1);
    private Task _output = Task.CompletedTask;
    private bool _faulted;

    public ExecutionEnvironment(FunctionCommand command, FunctionStartInfo info, RuntimeApiLimits limits, TimeProvider time)
    {
        _command = command;
        _info = info;
        _limits = limits;
        _time = time;
        _log = new ProcessLog(limits.MaxLogBytesPerInvocation);
        _server = new RuntimeApiServer(new Handler(this), limits);
    }

    /// <summary>Warm and healthy: it may take the next invocation.</summary>
    public bool IsReusable => !_faulted && _process is not null && !HasExited;

    // The process's exit is known the moment the runtime reaps it (Process.HasExited), a little before the continuation of
    // WaitForExitAsync completes _exited: a warm process that died between invocations still has its /next parked, and an
    // event handed to it in that window was lost as "Runtime exited" instead of going to a fresh process.
    private bool HasExited => _exited.IsCompleted || _process is { HasExited: true };

    /// <summary>Runs one invocation; every fault of the process is a result (see <see cref="LambdaFaults"/>).</summary>
    public async Task<EnvironmentOutcome> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, TextWriter log, CancellationToken cancellationToken)
    {
        var invocation = new Invocation(eventJson);
        _log.Attach(log);
        try
        {
            if (_process is null && Launch(invocation) is { } launchFailure)
                return new(launchFailure);
            var cold = !_initialized.Task.IsCompleted;
            if (!cold && HasExited)
                return EnvironmentOutcome.NotDelivered;
            Enqueue(invocation);
            using var deadline = new CancellationTokenSource(cold ? _limits.InitTimeout : timeout, _time);
            using var cancelled = cancellationToken.CanBeCanceled ? cancellationToken.Register(deadline.Cancel) : default;
            var expired = Never(deadline.Token);
            var first = invocation.Delivered.Task.IsCompleted
                ? invocation.Delivered.Task // handed to a parked /next already (a warm environment): nothing to wait for
                : await Task.WhenAny(invocation.Delivered.Task, invocation.Completed.Task, _exited, expired).ConfigureAwait(false);
            // On state, never on which task WhenAny reported (see EndedBeforeDelivery): an answered invocation keeps its
            // environment warm, even when its answer is reported first.
            if (invocation.EndedBeforeDelivery)
                return await Finish(invocation, fault: true).ConfigureAwait(false);
            if (first == _exited && !invocation.Delivered.Task.IsCompleted)
                return cold ? await Exited(invocation).ConfigureAwait(false) : EnvironmentOutcome.NotDelivered;
            if (!invocation.Delivered.Task.IsCompleted && Withdraw(invocation))
            {
                cancellationToken.ThrowIfCancellationRequested();
                return cold ? await InitTimedOut(invocation).ConfigureAwait(false) : await TimedOut(invocation, timeout).ConfigureAwait(false);
            }
            if (cold)
            {
                // Lambda's function timeout starts when the event is handed over (the Init phase has its own limit).
                deadline.CancelAfter(timeout);
            }
            await Task.WhenAny(invocation.Completed.Task, _exited, expired).ConfigureAwait(false);
            if (invocation.Completed.Task.IsCompleted)
                return await Finish(invocation, fault: false).ConfigureAwait(false);
            if (_exited.IsCompleted)
                return await Exited(invocation).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return await TimedOut(invocation, timeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _faulted = true;
            await KillAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            await _log.DetachAsync(null, TimeSpan.Zero).ConfigureAwait(false);
        }
    }

    private async Task<EnvironmentOutcome> Finish(Invocation invocation, bool fault)
    {
        var result = await invocation.Completed.Task.ConfigureAwait(false);
        if (fault || _faulted)
        {
            // An init error: Lambda serves it to this invocation and resets the environment.
            _faulted = true;
            await KillAsync().ConfigureAwait(false);
        }
        else
        {
            await _log.DetachAsync(invocation.LogBytes, _limits.LogDrainTimeout).ConfigureAwait(false);
        }
        return new(result);
    }

    private async Task<EnvironmentOutcome> Exited(Invocation invocation)
    {
        _faulted = true;
        var code = await _exited.ConfigureAwait(false);
        await Task.WhenAny(_output, Task.Delay(_limits.LogDrainTimeout)).ConfigureAwait(false);
        if (invocation.Completed.Task.IsCompleted)
            return new(await invocation.Completed.Task.ConfigureAwait(false));
        var error = LambdaFaults.Exited(invocation.RequestId, code);
        _log.Platform($"{error.Message} Runtime.ExitError");
        return new(error);
    }

    private async Task<EnvironmentOutcome> TimedOut(Invocation invocation, TimeSpan timeout)
    {
        _faulted = true;
        _log.Platform(LambdaFaults.TimeoutLogLine(invocation.RequestId, timeout));
        await KillAsync().ConfigureAwait(false);
        return new(new AuthorizerInvocation.TimedOut(timeout));
    }

    private async Task<EnvironmentOutcome> InitTimedOut(Invocation invocation)
    {
        _faulted = true;
        var error = LambdaFaults.InitTimedOut(invocation.RequestId, _limits.InitTimeout,
            $"the process ({_command.FileName}) never called GET /2018-06-01/runtime/invocation/next on AWS_LAMBDA_RUNTIME_API; it was killed");
        _log.Platform(error.Message);
        await KillAsync().ConfigureAwait(false);
        return new(error, InitTimedOut: true);
    }

    /// <summary>A task that never completes unless <paramref name="token"/> is cancelled (then it completes, not faults).</summary>
    private static Task Never(CancellationToken token) => Task.Delay(Timeout.Infinite, token).ContinueWith(static _ => { }, TaskScheduler.Default);

    private AuthorizerInvocation.FunctionError? Launch(Invocation invocation)
    {
        var start = new ProcessStartInfo(_command.FileName, _command.Arguments)
        {
            WorkingDirectory = _command.TaskRoot,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(_command, _server.Address, _info.Environment))
            start.Environment[name] = value;
        try
        {
            _process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception e)
        {
            _faulted = true;
            var error = new AuthorizerInvocation.FunctionError(
                $"RequestId: {invocation.RequestId} Error: could not start \"{_command.FileName}\": {e.Message}", LambdaFaults.InvalidEntrypoint);
            _log.Platform(error.Message);
            return error;
        }
        _process.StandardInput.Close();
        _output = _log.Start(_process.StandardOutput.BaseStream, _process.StandardError.BaseStream);
        _exited = WaitForExitAsync(_process);
        return null;
    }

    private static async Task<int> WaitForExitAsync(Process process)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }

    private async Task KillAsync()
    {
        if (_process is null)
            return;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        await Task.WhenAny(_exited, Task.Delay(ExitWait)).ConfigureAwait(false);
        await Task.WhenAny(_output, Task.Delay(_limits.LogDrainTimeout)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _faulted = true;
        await KillAsync().ConfigureAwait(false);
        await _server.DisposeAsync().ConfigureAwait(false);
        _process?.Dispose();
    }
}
