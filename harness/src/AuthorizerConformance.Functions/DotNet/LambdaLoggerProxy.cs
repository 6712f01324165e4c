using System.Reflection;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// What the context's <c>ILambdaLogger</c> does: every <c>Log*</c> member of the real interface (plain, leveled, with a
/// template's arguments, with an exception) writes one line to the invocation's log. Bound by parameter name and type,
/// so the interface's many overloads need no list here.
/// </summary>
internal static class LambdaLoggerProxy
{
    public static object? Log(MethodInfo member, object?[] args)
    {
        if (!member.Name.StartsWith("Log", StringComparison.Ordinal))
            throw new NotSupportedException($"{member.DeclaringType?.FullName}.{member.Name} is not supplied by the in-process .NET host");
        // LogInformation(...) → "Information"; Log(...) and LogLine(...) take the level as an argument, if at all.
        var level = member.Name is "Log" or "LogLine" ? null : member.Name["Log".Length..];
        string? message = null;
        object?[]? templateArgs = null;
        Exception? exception = null;
        var parameters = member.GetParameters();
        for (var i = 0; i < parameters.Length && i < args.Length; i++)
        {
            switch (args[i])
            {
                case Exception e:
                    exception = e;
                    break;
                case object?[] values:
                    templateArgs = values;
                    break;
                case Enum e:
                    level = e.ToString();
                    break;
                default:
                    if (parameters[i].Name == "level")
                        level = args[i] as string;
                    else
                        message = args[i] as string;
                    break;
            }
        }
        InvocationLog.Current?.WriteLine(LogLine.Format(level, message, templateArgs, exception));
        return null;
    }
}
