using System.Text;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// A function process's stdout and stderr, line by line, routed to the log of the invocation in flight. Lines written
/// while no invocation runs (init, between invocations) are kept and go to the next invocation's log. The bootstraps
/// shipped with the harness end each invocation's output with a marker line on both streams, so a line the handler
/// wrote lands in its own invocation's log even when the response arrives first; the marker never reaches the log.
/// </summary>
internal sealed class ProcessLog
{
    /// <summary>What the node and python bootstraps write (followed by the request id) after the handler returns.</summary>
    public const string EndMarker = "\u001eAUTHZ-LOG-END ";

    private readonly object _gate = new();
    private readonly int _maxBytes;
    private readonly StringBuilder _pending = new();
    private readonly bool[] _pastMarker = new bool[2];
    private TextWriter? _sink;
    private string? _marker;
    private int _markersSeen;
    private TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sinkBytes;
    private int _pendingBytes;
    private bool _truncated;

    public ProcessLog(int maxBytesPerInvocation) => _maxBytes = maxBytesPerInvocation;

    /// <summary>Starts reading both streams; the task ends at the end of both (the process and its children closed them).</summary>
    /// <remarks>Pipe reads block on Unix, so each stream gets its own thread rather than a thread-pool one (two per process would starve the pool).</remarks>
    public Task Start(Stream stdout, Stream stderr) => Task.WhenAll(
        Task.Factory.StartNew(() => Pump(stdout, 0), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default),
        Task.Factory.StartNew(() => Pump(stderr, 1), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    /// <summary>From now on lines go to <paramref name="sink"/> (the kept ones first); <paramref name="requestId"/> names the end marker to expect.</summary>
    public void Attach(TextWriter sink, string requestId)
    {
        lock (_gate)
        {
            _sink = sink;
            _marker = EndMarker + requestId;
            _markersSeen = 0;
            _pastMarker[0] = _pastMarker[1] = false;
            _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _sinkBytes = 0;
            _truncated = false;
            if (_pending.Length > 0)
                Write(_pending.ToString().TrimEnd('\n'));
            _pending.Clear();
            _pendingBytes = 0;
        }
    }

    /// <summary>Stops routing to the invocation's log, after its end markers arrive when <paramref name="waitForMarkers"/> (bounded).</summary>
    public async Task DetachAsync(bool waitForMarkers, TimeSpan bound)
    {
        if (waitForMarkers)
        {
            Task drained;
            lock (_gate)
                drained = _drained.Task;
            await Task.WhenAny(drained, Task.Delay(bound)).ConfigureAwait(false);
        }
        lock (_gate)
            _sink = null;
    }

    /// <summary>A line of the platform (like Lambda's own "Task timed out" lines) into the current log.</summary>
    public void Platform(string line)
    {
        lock (_gate)
            Route(line, stream: -1);
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
                for (var i = 0; i < count; i++)
                {
                    if (chars[i] != '\n')
                        continue;
                    line.Append(chars, start, i - start);
                    Line(line.ToString().TrimEnd('\r'), index);
                    line.Clear();
                    start = i + 1;
                }
                line.Append(chars, start, count - start);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process is gone.
        }
        if (line.Length > 0)
            Line(line.ToString(), index);
    }

    private void Line(string line, int stream)
    {
        lock (_gate)
        {
            var marker = _marker is null ? -1 : line.IndexOf(_marker, StringComparison.Ordinal);
            if (marker < 0)
            {
                Route(line, stream);
                return;
            }
            if (marker > 0)
                Route(line[..marker], stream);
            _pastMarker[stream] = true;
            if (++_markersSeen == 2)
                _drained.TrySetResult();
        }
    }

    private void Route(string line, int stream)
    {
        if (_sink is not null && (stream < 0 || !_pastMarker[stream]))
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
