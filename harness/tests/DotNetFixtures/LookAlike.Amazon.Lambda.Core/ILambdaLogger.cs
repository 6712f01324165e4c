namespace Amazon.Lambda.Core;

/// <summary>
/// Look-alike of the real interface: <c>Log</c> and <c>LogLine</c> plus the leveled members, which default to
/// <c>Log(level, message)</c> and from there to <c>LogLine</c>, as in the real one.
/// </summary>
public interface ILambdaLogger
{
    void Log(string message);

    void LogLine(string message);

    void Log(string level, string message) => LogLine(message);

    void Log(LogLevel level, string message) => Log(level.ToString(), message);

    void LogTrace(string message) => Log(nameof(LogLevel.Trace), message);

    void LogDebug(string message) => Log(nameof(LogLevel.Debug), message);

    void LogInformation(string message) => Log(nameof(LogLevel.Information), message);

    void LogWarning(string message) => Log(nameof(LogLevel.Warning), message);

    void LogError(string message) => Log(nameof(LogLevel.Error), message);

    void LogCritical(string message) => Log(nameof(LogLevel.Critical), message);

    void Log(string level, string message, params object[] args) => Log(level, message);

    void Log(string level, Exception exception, string message, params object[] args)
    {
        Log(level, message, args);
        Log(level, exception?.ToString(), args);
    }

    void LogInformation(string message, params object[] args) => Log(nameof(LogLevel.Information), message, args);

    void LogError(Exception exception, string message, params object[] args) => Log(nameof(LogLevel.Error), exception, message, args);
}
