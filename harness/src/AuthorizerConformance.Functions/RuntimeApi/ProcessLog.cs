using System.Text;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// A function process's stdout and stderr, line by line, routed to the log of the invocation in flight. Lines written
/// while no invocation runs (init, between invocations) are kept and go to the next invocation's log. The bootstraps
/// shipped with the harness count the bytes they have written to each stream and send the totals with their answer
/// (<see cref="LogBytesHeader"/>); the answer waits (bounded) until this log has read that far, so a line the handler
/// wrote lands in its own invocation's log even when the answer arrives first.
/// </summary>
internal sealed class ProcessLog
{
    /// <summary>The header of a bootstrap's answer: "&lt;stdout bytes&gt;,&lt;stderr bytes&gt;" written since the process started.</summary>
    public const string LogBytesHeader = "X-Authz-Log-Bytes";

    private readonly object _gate = new();
    private readonly int _maxBytes;
    private readonly StringBuilder _pending = new();
    private readonly long[] _read = new long[2];
    private readonly long[] _wanted = new long[2];
    private TaskCompletionSource? _caughtUp;
    private TextWriter? _sink;
    private int _sinkBytes;
    private int _pendingBytes;
    private bool _truncated;

    public ProcessLog(int maxBytesPerInvocation) => _maxBytes = maxBytesPerInvocation;

    /// <summary>Starts reading both streams; the task ends at the end of both (the process and its children closed them).</summary>
    /// <remarks>Pipe reads block on Unix, so each stream gets its own thread rather than a thread-pool one (two per process would starve the pool).</remarks>
    public Task Start(Stream stdout, Stream stderr) => Task.WhenAll(
        Task.Factory.StartNew(() => Pump(stdout, 0), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default),
        Task.Factory.StartNew(() => Pump(stderr, 1), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    /// <summary>From now on lines go to <paramref name="sink"/>, the kept ones first.</summary>
    public void Attach(TextWriter sink)
    {
        lock (_gate)
        {
            _sink = sink;
            _sinkBytes = 0;
            _truncated = false;
            if (_pending.Length > 0)
                Write(_pending.ToString().TrimEnd('\n'));
            _pending.Clear();
            _pendingBytes = 0;
        }
    }

    /// <summary>
    /// Stops routing to the invocation's log, once both streams are read as far as <paramref name="logBytes"/> (the
    /// <see cref="LogBytesHeader"/> value) says, or after <paramref name="bound"/>; at once without it.
    /// </summary>
    public async Task DetachAsync(string? logBytes, TimeSpan bound)
    {
        if (logBytes?.Split(',') is [var stdout, var stderr] && long.TryParse(stdout, out var wantOut) && long.TryParse(stderr, out var wantErr))
        {
            Task caughtUp;
            lock (_gate)
            {
                _wanted[0] = wantOut;
                _wanted[1] = wantErr;
                _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
                CheckCaughtUp();
                caughtUp = _caughtUp?.Task ?? Task.CompletedTask;
            }
            if (!caughtUp.IsCompleted)
                await Task.WhenAny(caughtUp, Task.Delay(bound)).ConfigureAwait(false);
        }
        lock (_gate)
        {
            _caughtUp = null;
            _sink = null;
        }
    }

    /// <summary>A line of the platform (like Lambda's own "Task timed out" lines) into the current log.</summary>
    public void Platform(string line)
    {
        lock (_gate)
            Route(line);
    }

    private void Pump(Stream stream, int index)
    {
        var decoder = new UTF8Encoding(false).GetDecoder();
        var bytes = new byte[8192];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var line = new StringBuilder();
        try
        {
            int read;
            while ((read = stream.Read(bytes)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0);
                var start = 0;
                lock (_gate)
                {
                    for (var i = 0; i < count; i++)
                    {
                        if (chars[i] != '\n')
                            continue;
                        line.Append(chars, start, i - start);
                        Route(line.ToString().TrimEnd('\r'));
                        line.Clear();
                        start = i + 1;
                    }
                    line.Append(chars, start, count - start);
                    _read[index] += read;
                    CheckCaughtUp();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process is gone.
        }
        if (line.Length > 0)
        {
            lock (_gate)
                Route(line.ToString());
        }
    }

    private void CheckCaughtUp()
    {
        if (_caughtUp is not null && _read[0] >= _wanted[0] && _read[1] >= _wanted[1])
        {
            _caughtUp.TrySetResult();
            _caughtUp = null;
        }
    }

    private void Route(string line)
    {
        if (_sink is not null)
        {
            Write(line);
            return;
        }
        if (_pendingBytes > _maxBytes)
            return;
        _pendingBytes += line.Length + 1;
        _pending.Append(line).Append('\n');
    }

    private void Write(string text)
    {
        if (_truncated)
            return;
        _sinkBytes += text.Length + 1;
        if (_sinkBytes > _maxBytes)
        {
            _truncated = true;
            text = $"[harness] the function's log passed {_maxBytes} bytes in this invocation; the rest is dropped";
        }
        _sink!.WriteLine(text);
    }
}
