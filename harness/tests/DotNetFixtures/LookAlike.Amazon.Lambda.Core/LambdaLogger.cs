namespace Amazon.Lambda.Core;

/// <summary>
/// Look-alike of the real static logger. The real runtime (Amazon.Lambda.RuntimeSupport) replaces the private static
/// fields below by reflection, by these names, to route the function's log; the in-process host does the same.
/// </summary>
public static class LambdaLogger
{
#pragma warning disable IDE0044, CA1802 // not readonly: replaced by reflection, as in the real package
    private static Action<string> _loggingAction = Console.WriteLine;
    private static Action<string, string, object[]> _loggingWithLevelAction = (level, message, _) => Console.WriteLine($"{level}: {message}");
    private static Action<string, Exception, string, object[]> _loggingWithLevelAndExceptionAction = (level, exception, message, _) => Console.WriteLine($"{level}: {message} {exception}");
#pragma warning restore IDE0044, CA1802

    public static void Log(string message) => _loggingAction(message);

    public static void Log(string level, string message, params object[] args) => _loggingWithLevelAction(level, message, args);

    public static void Log(LogLevel level, string message, params object[] args) => Log(level.ToString(), message, args);

    public static void Log(string level, Exception exception, string message, params object[] args) =>
        _loggingWithLevelAndExceptionAction(level, exception, message, args);
}
