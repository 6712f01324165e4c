namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// Where one invocation's log goes: the scenario's writer, until the invocation ends. <see cref="Current"/> flows with
/// the invocation's execution context into everything the handler awaits or starts, so LambdaLogger,
/// <c>context.Logger</c> and the console find the invocation they belong to even when invocations run in parallel.
/// Writes after the end (a handler that overran its deadline, work it left running) are dropped and counted.
/// </summary>
internal sealed class InvocationLog
{
    private static readonly AsyncLocal<InvocationLog?> s_current = new();
    private readonly Lock _gate = new();
    private readonly TextWriter _writer;
    private bool _closed;

    public InvocationLog(TextWriter writer) => _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>The log of the invocation running on this execution context, if any.</summary>
    public static InvocationLog? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>Writes dropped because they came after the invocation ended.</summary>
    public int Dropped { get; private set; }

    public void Write(string? text)
    {
        lock (_gate)
        {
            if (_closed)
                Dropped++;
            else
                _writer.Write(text);
        }
    }

    public void WriteLine(string? text)
    {
        lock (_gate)
        {
            if (_closed)
                Dropped++;
            else
                _writer.WriteLine(text);
        }
    }

    /// <summary>Ends the invocation's log: later writes are dropped.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (!_closed)
                _writer.Flush();
            _closed = true;
        }
    }
}
