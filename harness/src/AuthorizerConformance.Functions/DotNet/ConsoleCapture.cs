using System.Text;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// Console output of in-process functions, per invocation. The console is process-global, so this replaces
/// <see cref="Console.Out"/> and <see cref="Console.Error"/> once, when the first in-process host starts, with writers
/// that send a write to the <see cref="InvocationLog.Current"/> invocation's log when there is one, and otherwise to
/// the writer that was there before (the harness's own output is unchanged). Whoever replaces the console after us
/// takes the handler's console output with it; LambdaLogger and <c>context.Logger</c> do not depend on this.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly Lock s_gate = new();
    private static bool s_installed;

    public static void EnsureInstalled()
    {
        lock (s_gate)
        {
            if (s_installed)
                return;
            Console.SetOut(new RoutingWriter(Console.Out));
            Console.SetError(new RoutingWriter(Console.Error));
            s_installed = true;
        }
    }

    internal sealed class RoutingWriter(TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (InvocationLog.Current is { } log)
                log.Write(value);
            else
                fallback.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value)
        {
            if (InvocationLog.Current is { } log)
                log.WriteLine(value);
            else
                fallback.WriteLine(value);
        }

        public override void WriteLine() => WriteLine(string.Empty);

        public override void Flush() => fallback.Flush();
    }
}
