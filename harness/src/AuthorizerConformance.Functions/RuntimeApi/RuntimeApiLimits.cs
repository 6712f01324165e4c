namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// Every bound of the Lambda Runtime API host, in one place (STYLE 20): sizes, counts and times a function's process
/// and its Runtime API requests must stay within. The defaults are Lambda's where Lambda has one.
/// </summary>
public sealed record RuntimeApiLimits
{
    /// <summary>The defaults: Lambda's limits, and generous bounds on what Lambda leaves unbounded.</summary>
    public static RuntimeApiLimits Default { get; } = new();

    /// <summary>
    /// How long a started process has to call <c>/runtime/invocation/next</c> for the first time (Lambda's Init phase
    /// is limited to 10 s). A process that never polls ends its invocation as <c>Sandbox.Timedout</c>.
    /// </summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest response or error body a function may post: 6 MiB + 100 bytes (6,291,556), the limit the Lambda
    /// Runtime Interface Emulator enforces (<c>interop/model.go</c>) and names in <c>Function.ResponseSizeTooLarge</c>.
    /// </summary>
    public int MaxPayloadBytes { get; init; } = 6_291_556;

    /// <summary>A body larger than <see cref="MaxPayloadBytes"/> is read and dropped up to this size (so the runtime
    /// sees the 413); past it the connection is closed.</summary>
    public long MaxDrainBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The request line and headers of one Runtime API request, in bytes (431 past it).</summary>
    public int MaxHeaderBytes { get; init; } = 16 * 1024;

    /// <summary>How many header fields one Runtime API request may carry (431 past it).</summary>
    public int MaxHeaderCount { get; init; } = 64;

    /// <summary>Once the first byte of a request has arrived, the whole request must arrive within this time (408 past it).</summary>
    public TimeSpan RequestReadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many connections one process may hold open to its Runtime API at once (further ones are closed).</summary>
    public int MaxConnections { get; init; } = 8;

    /// <summary>How much of a process's stdout/stderr one invocation's log keeps; the rest is dropped with a note.</summary>
    public int MaxLogBytesPerInvocation { get; init; } = 1024 * 1024;

    /// <summary>
    /// After the answer, how long to wait for the log to catch up with the byte counts the bootstrap sent with it, so
    /// every line the handler wrote lands in its own invocation's log (bootstraps shipped with the harness only).
    /// </summary>
    public TimeSpan LogDrainTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After this many starts in a row end in an init timeout, later invocations fail at once with the same error
    /// instead of waiting <see cref="InitTimeout"/> again each (a bounded run; Lambda would retry every time).
    /// </summary>
    public int InitTimeoutsBeforeGivingUp { get; init; } = 2;
}
