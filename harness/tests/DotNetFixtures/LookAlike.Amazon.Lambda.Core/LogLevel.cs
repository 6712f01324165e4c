namespace Amazon.Lambda.Core;

/// <summary>Look-alike of the real enum.</summary>
public enum LogLevel
{
    Trace = 0,
    Debug = 1,
    Information = 2,
    Warning = 3,
    Error = 4,
    Critical = 5,
}
