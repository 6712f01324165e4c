using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// How Lambda reports each fault of an execution environment to its caller (API Gateway): the error types and
/// messages of the Lambda service and its Runtime Interface Emulator (RIE), see <c>notes/lambda-runtime-api.md</c> §2.
/// </summary>
internal static class LambdaFaults
{
    /// <summary>RIE <c>fatalerror.go</c>: the runtime process exited during an invocation or init.</summary>
    public const string ExitError = "Runtime.ExitError";

    /// <summary>RIE <c>fatalerror.go</c>: the bootstrap could not be executed.</summary>
    public const string InvalidEntrypoint = "Runtime.InvalidEntrypoint";

    /// <summary>RIE <c>fatalerror.go</c>: an error report without a readable type.</summary>
    public const string Unknown = "Runtime.Unknown";

    /// <summary>RIE <c>fatalerror.go</c>: the /response body was cut short.</summary>
    public const string TruncatedResponse = "Runtime.TruncatedResponse";

    /// <summary>RIE <c>interop/model.go</c>, and real Lambda: the response exceeded the payload limit.</summary>
    public const string ResponseSizeTooLarge = "Function.ResponseSizeTooLarge";

    /// <summary>Real Lambda's timeout type (troubleshooting-invocation docs: "Sandbox.Timedout"; RIE spells it Sandbox.Timeout).</summary>
    public const string Timedout = "Sandbox.Timedout";

    /// <summary>RIE <c>rapid/exit.go</c>: "Runtime exited with error: exit status N", "…without providing a reason", "…signal: killed".</summary>
    public static AuthorizerInvocation.FunctionError Exited(string requestId, int exitCode) =>
        new($"RequestId: {requestId} Error: {ExitReason(exitCode)}", ExitError);

    /// <summary>The exit reason in Go's <c>exec.ExitError</c> words, as RIE prints it.</summary>
    public static string ExitReason(int exitCode) => exitCode switch
    {
        0 => "Runtime exited without providing a reason",
        // .NET reports a signal as 128 + its number, the same as exit(128 + n); only the signals a runtime does not
        // exit with on purpose are named (the Node runtime itself exits 128 and 129).
        130 or 134 or 137 or 139 or 143 when !OperatingSystem.IsWindows() => $"Runtime exited with error: signal: {SignalName(exitCode - 128)}",
        _ => $"Runtime exited with error: exit status {exitCode}",
    };

    /// <summary>RIE <c>interop/model.go</c> L361-377: the message of <see cref="ResponseSizeTooLarge"/>.</summary>
    public static AuthorizerInvocation.FunctionError TooLarge(long size, bool atLeast, int limit) =>
        new($"Response payload size ({(atLeast ? "more than " : "")}{size} bytes) exceeded maximum allowed payload size ({limit} bytes).", ResponseSizeTooLarge);

    /// <summary>The init phase did not reach its first <c>/next</c> in time (Lambda: "Function times out during Init phase (Sandbox.Timedout)").</summary>
    public static AuthorizerInvocation.FunctionError InitTimedOut(string requestId, TimeSpan initTimeout, string detail) =>
        new($"RequestId: {requestId} Error: Init phase timed out after {initTimeout.TotalSeconds:0.00} seconds: {detail}", Timedout);

    /// <summary>The platform line Lambda writes into the log when the deadline passes.</summary>
    public static string TimeoutLogLine(string requestId, TimeSpan timeout) =>
        $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {requestId} Task timed out after {timeout.TotalSeconds:0.00} seconds";

    private static string SignalName(int signal) => signal switch
    {
        2 => "interrupt",
        6 => "aborted",
        9 => "killed",
        11 => "segmentation fault",
        15 => "terminated",
        _ => $"signal {signal}",
    };
}
