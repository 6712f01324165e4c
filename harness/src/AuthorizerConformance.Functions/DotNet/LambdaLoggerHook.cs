using System.Reflection;
using System.Runtime.Loader;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// Routes the static <c>Amazon.Lambda.Core.LambdaLogger</c> of a handler's copy of Amazon.Lambda.Core into the
/// invocation's log, the way Amazon.Lambda.RuntimeSupport does it: by replacing its private static delegate fields,
/// found by name (<c>_loggingAction</c>, <c>_loggingWithLevelAction</c>, <c>_loggingWithLevelAndExceptionAction</c>).
/// A field that is not there (an older package) is left alone; its output then reaches the console, captured too.
/// </summary>
internal static class LambdaLoggerHook
{
    private const string CoreAssemblyName = "Amazon.Lambda.Core";
    private const string LambdaLoggerTypeName = "Amazon.Lambda.Core.LambdaLogger";

    public static void Install(Assembly handlerAssembly)
    {
        var core = handlerAssembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == CoreAssemblyName);
        if (core is null)
            return;
        var context = AssemblyLoadContext.GetLoadContext(handlerAssembly) ?? AssemblyLoadContext.Default;
        Type? logger;
        try
        {
            logger = context.LoadFromAssemblyName(core).GetType(LambdaLoggerTypeName);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return; // referenced but not shipped: the handler cannot be using it
        }
        if (logger is null)
            return;
        Set(logger, "_loggingAction", new Action<string>(message => InvocationLog.Current?.WriteLine(message)));
        Set(logger, "_loggingWithLevelAction", new Action<string, string, object[]>((level, message, args) =>
            InvocationLog.Current?.WriteLine(LogLine.Format(level, message, args, exception: null))));
        Set(logger, "_loggingWithLevelAndExceptionAction", new Action<string, Exception, string, object[]>((level, exception, message, args) =>
            InvocationLog.Current?.WriteLine(LogLine.Format(level, message, args, exception))));
    }

    private static void Set(Type logger, string name, Delegate action)
    {
        var field = logger.GetField(name, BindingFlags.NonPublic | BindingFlags.Static);
        if (field is not null && field.FieldType == action.GetType() && !field.IsInitOnly)
            field.SetValue(null, action);
    }
}
