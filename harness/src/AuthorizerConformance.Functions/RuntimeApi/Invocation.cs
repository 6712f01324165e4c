using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>One invocation handed to an execution environment: its event, its request id, and how it ended.</summary>
internal sealed class Invocation(ReadOnlyMemory<byte> eventJson)
{
    public string RequestId { get; } = Guid.NewGuid().ToString();

    public ReadOnlyMemory<byte> EventJson { get; } = eventJson;

    /// <summary>Set when a <c>/next</c> handed the event to the runtime.</summary>
    public TaskCompletionSource Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by the runtime's <c>/response</c>, <c>/error</c> or <c>/init/error</c>, or by a protocol fault.</summary>
    public TaskCompletionSource<AuthorizerInvocation> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completed while no <c>/next</c> ever took it: an init error, which resets the environment. Read from the state, not
    /// from which of the two tasks a <c>WhenAny</c> reported first: both complete their continuations asynchronously, so
    /// under load an answer's completion can be reported before its delivery's.
    /// </summary>
    public bool EndedBeforeDelivery => Completed.Task.IsCompleted && !Delivered.Task.IsCompleted;

    /// <summary>The <c>Lambda-Runtime-Deadline-Ms</c> value, fixed at delivery.</summary>
    public long DeadlineMs { get; set; }

    public string TraceId { get; set; } = "";

    /// <summary>The <see cref="ProcessLog.LogBytesHeader"/> of the runtime's answer, when it sent one.</summary>
    public string? LogBytes { get; set; }
}
