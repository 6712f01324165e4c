using System.Text;
using Reqnroll.Tracing;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// Routes Reqnroll's step trace (step text, "-> done", undefined-step snippets) into the xUnit test output (through
/// <see cref="ScenarioOutput"/>), and
/// keeps the scenario's diagnostics (undefined, pending, binding errors with their suggested code) so the
/// runner can put them into the failure message itself.
/// </summary>
public sealed class XunitV3TraceListener : ITraceListener
{
    private static readonly AsyncLocal<StringBuilder?> Diagnostics = new();

    /// <inheritdoc />
    public void WriteTestOutput(string message) => Write(message);

    /// <inheritdoc />
    public void WriteToolOutput(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Diagnostics.Value is { } diagnostics && IsDiagnostic(message))
            diagnostics.AppendLine(message.TrimEnd());
        Write("-> " + FirstLineOfError(ScenarioChecks.ForReaders(message))); // the C# snippet only for step authors (AUTHZ_VERBOSE=1)
    }

    /// <summary>Starts collecting diagnostics for the scenario running on this async flow.</summary>
    internal static void BeginScenario() => Diagnostics.Value = new StringBuilder();

    /// <summary>The diagnostics collected since <see cref="BeginScenario"/>.</summary>
    internal static string CollectedDiagnostics() => Diagnostics.Value?.ToString().TrimEnd() ?? "";

    // A step error is the failure message itself, which the test result shows whole: the step trace keeps its first line.
    private static string FirstLineOfError(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return message.StartsWith("error:", StringComparison.Ordinal) && end > 0
            ? message[..end].TrimEnd() + " (the failure message has the rest)"
            : message;
    }

    private static bool IsDiagnostic(string message) =>
        message.StartsWith("undefined:", StringComparison.Ordinal)
        || message.StartsWith("pending:", StringComparison.Ordinal)
        || message.StartsWith("binding error:", StringComparison.Ordinal);

    private static void Write(string message) => ScenarioOutput.Line(message);
}
