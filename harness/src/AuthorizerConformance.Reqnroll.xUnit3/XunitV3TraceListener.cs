using Reqnroll.Tracing;
using Xunit;

namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>Routes Reqnroll's step trace (step text, "-> done", undefined-step snippets) into the xUnit test output.</summary>
public sealed class XunitV3TraceListener : ITraceListener
{
    /// <inheritdoc />
    public void WriteTestOutput(string message) => Write(message);

    /// <inheritdoc />
    public void WriteToolOutput(string message) => Write("-> " + message);

    private static void Write(string message)
    {
        if (TestContext.Current.TestOutputHelper is { } output)
            output.WriteLine(message);
        else
            Console.WriteLine(message);
    }
}
