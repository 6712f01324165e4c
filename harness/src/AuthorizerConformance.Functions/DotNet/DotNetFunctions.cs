using System.Collections.Concurrent;
using System.Reflection;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// In-process .NET functions: <c>dotnet:&lt;assembly&gt;::&lt;Namespace.Type&gt;::&lt;Method&gt;</c>, Lambda's .NET handler string
/// behind our prefix (docs/functions-dotnet.md). The assembly part is a path to the handler assembly, absolute or
/// relative to <see cref="FunctionStartInfo.BaseDirectory"/> (<c>.dll</c> may be left off, as Lambda's handler string
/// leaves it off), loaded with its <c>.deps.json</c> in its own load context; or the name of an assembly the test project
/// registered with <see cref="Register"/>.
/// </summary>
public static class DotNetFunctions
{
    private static readonly ConcurrentDictionary<string, Assembly> s_registered = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers an authorizer assembly the test project references, so the function string
    /// <c>dotnet:&lt;its name&gt;::&lt;Type&gt;::&lt;Method&gt;</c> runs it as it is already loaded: no file, no separate load context.
    /// One line, e.g. <c>DotNetFunctions.Register(typeof(Function).Assembly);</c>. Registering it again is harmless.
    /// </summary>
    /// <exception cref="InvalidOperationException">A different assembly of the same name is registered.</exception>
    public static void Register(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetName().Name!;
        var held = s_registered.GetOrAdd(name, assembly);
        if (!ReferenceEquals(held, assembly))
            throw new InvalidOperationException($"a different assembly named '{name}' is already registered for dotnet: functions");
    }

    /// <summary>Starts the in-process function <paramref name="info"/> names (its string starts with <c>dotnet:</c>).</summary>
    /// <exception cref="FunctionStartException">The string is malformed, or names an assembly, type, method or serializer that is not there or that Lambda would refuse.</exception>
    public static IFunctionHost Start(FunctionStartInfo info) => Start(info, TimeProvider.System);

    internal static IFunctionHost Start(FunctionStartInfo info, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(time);
        var handler = DotNetHandlerString.Parse(info.Function);
        if (info.PoolSize < 1)
            throw new FunctionStartException($"function \"{info.Function}\": the pool size must be at least 1, not {info.PoolSize}");
        if (info.Timeout <= TimeSpan.Zero)
            throw new FunctionStartException($"function \"{info.Function}\": the timeout must be positive, not {info.Timeout}");
        var source = Locate(handler, info.BaseDirectory);
        var where = $"function \"{info.Function}\" (assembly {source.Describe()})";
        var settings = LambdaFunctionSettings.From(info.Environment);
        ConsoleCapture.EnsureInstalled();
        // Before loading: static constructors and constructors read the environment at init, as on Lambda.
        var environment = ProcessEnvironment.Acquire(info.Environment, info.Function);
        try
        {
            return DotNetFunctionHost.Start(info, () => ExecutionEnvironment.Create(source, handler, settings, time, where), environment);
        }
        catch
        {
            environment.Dispose();
            throw;
        }
    }

    private static HandlerSource Locate(DotNetHandlerString handler, string baseDirectory)
    {
        var name = handler.Assembly;
        var bare = name.IndexOfAny(['/', '\\']) < 0 && !name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        if (bare && s_registered.TryGetValue(name, out var registered))
            return new HandlerSource(null, registered);
        var path = Path.GetFullPath(name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name : name + ".dll", baseDirectory);
        if (File.Exists(path))
            return new HandlerSource(path, null);
        var hint = bare ? $"; nor is an assembly named '{name}' registered (DotNetFunctions.Register(typeof(YourFunction).Assembly))" : string.Empty;
        throw new FunctionStartException($"function \"{handler.Function}\": the handler assembly '{path}' does not exist (relative paths resolve against '{baseDirectory}'){hint}");
    }
}
