using System.Reflection;
using System.Runtime.CompilerServices;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// Finds and checks a handler as Lambda's .NET runtime does at init (RuntimeSupport <c>UserCodeLoader</c>,
/// <c>UserCodeValidator</c>, <c>InvokeDelegateBuilder</c>), so what fails on Lambda fails here, at start, with what and where:
/// the type by full name; the method by name (base types too), or by its full signature (<c>MethodInfo.ToString()</c>)
/// when overloaded; parameters <c>()</c>, <c>(input)</c>, <c>(ILambdaContext)</c>, <c>(input, ILambdaContext)</c>;
/// returns <c>void</c>, a value, a <c>Stream</c>, <c>Task</c> or <c>Task&lt;T&gt;</c>; a serializer for any input or
/// result that is not a Stream.
/// </summary>
internal static class LambdaHandlerBinder
{
    public const string ContextTypeName = "Amazon.Lambda.Core.ILambdaContext";

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <exception cref="FunctionStartException">The type or method is missing, or Lambda would refuse the method.</exception>
    public static BoundHandler Bind(Assembly assembly, DotNetHandlerString handler, string where)
    {
        try
        {
            return BindLoaded(assembly, handler, where);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            // A dependency the .deps.json names is not beside the assembly: a build without its NuGet packages copied.
            throw new FunctionStartException(
                $"{where}: loading the handler's types failed: {e.GetType().Name}: {e.Message} Point the function string at the 'dotnet publish' output, "
                + "or build with <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies> (as the Lambda project templates do)", e);
        }
    }

    private static BoundHandler BindLoaded(Assembly assembly, DotNetHandlerString handler, string where)
    {
        var type = assembly.GetType(handler.TypeName);
        if (type is null)
            throw new FunctionStartException($"{where}: unable to load type '{handler.TypeName}' from assembly '{assembly.GetName().Name}'");
        var method = FindMethod(type, handler.MethodName, where)
            ?? throw new FunctionStartException($"{where}: unable to find method '{handler.MethodName}' in type '{type.FullName}' from assembly '{assembly.GetName().Name}'");
        CheckMethod(method, where);
        CheckType(type, method, where);
        var serializer = LambdaSerializerBinding.Find(method, where);

        var parameters = method.GetParameters();
        if (parameters.Length > 2)
            throw new FunctionStartException($"{where}: method '{method}' has more than 2 parameters; Lambda allows (input), (ILambdaContext) or (input, ILambdaContext)");
        Type? inputType = null;
        Type? contextType = null;
        if (parameters.Length == 2)
        {
            if (!IsContext(parameters[1].ParameterType))
                throw new FunctionStartException($"{where}: method '{method}' has 2 parameters, but the second is not '{ContextTypeName}'");
            (inputType, contextType) = (parameters[0].ParameterType, parameters[1].ParameterType);
        }
        else if (parameters.Length == 1)
        {
            if (IsContext(parameters[0].ParameterType))
                contextType = parameters[0].ParameterType;
            else
                inputType = parameters[0].ParameterType;
        }
        var input = inputType is null ? null
            : inputType == typeof(Stream) ? (Func<Stream, object?>)(stream => stream)
            : (serializer ?? throw MissingSerializer(where, method, inputType, "deserialize the event to")).Reader(inputType);

        var (awaits, taskResult, resultType) = Result(method, where);
        var output = resultType is null ? null
            : typeof(Stream).IsAssignableFrom(resultType) ? (Action<object?, Stream>)((value, stream) => CopyResult((Stream)value!, stream))
            : (serializer ?? throw MissingSerializer(where, method, resultType, "serialize the result of")).Writer(resultType);
        return new BoundHandler(type, method, input, contextType, awaits, taskResult, output, serializer);
    }

    private static bool IsContext(Type type) => type.FullName == ContextTypeName;

    private static MethodInfo? FindMethod(Type type, string name, string where)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            try
            {
                if (t.GetMethod(name, Declared) is { } byName)
                    return byName;
            }
            catch (AmbiguousMatchException)
            {
                throw Overloaded(t, name, where);
            }
        }
        for (var t = type; t is not null; t = t.BaseType)
        {
            var bySignature = t.GetMethods(Declared).Where(m => m.ToString() == name).ToList();
            if (bySignature.Count == 1)
                return bySignature[0];
            if (bySignature.Count > 1)
                throw Overloaded(t, name, where);
        }
        return null;
    }

    private static FunctionStartException Overloaded(Type type, string name, string where)
    {
        var candidates = type.GetMethods(Declared).Where(m => m.Name == name || m.ToString() == name).Select(m => $"'{m}'");
        return new FunctionStartException(
            $"{where}: method '{name}' in type '{type.FullName}' has overloads; name one by its full signature in the handler string's method part, one of: {string.Join(", ", candidates)}");
    }

    private static void CheckMethod(MethodInfo method, string where)
    {
        string? why = method.IsAbstract ? "it is abstract"
            : method.IsGenericMethod ? "it is generic"
            : method.ReturnType == typeof(void) && method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null ? "it is 'async void'"
            : method.GetParameters() is [.., var last] && last.GetCustomAttribute<ParamArrayAttribute>() is not null ? "it has a 'params' parameter"
            : (method.CallingConvention & CallingConventions.VarArgs) != 0 ? "it is a varargs method"
            : null;
        if (why is not null)
            throw new FunctionStartException($"{where}: method '{method}' cannot be a Lambda handler: {why}");
    }

    private static void CheckType(Type type, MethodInfo method, string where)
    {
        string? why = type.IsGenericType ? "it is generic"
            : !method.IsStatic && type.IsAbstract ? "it is abstract and the method is not static"
            : !type.IsClass && !(type.IsValueType && !type.IsPrimitive && !type.IsEnum) ? "it is not a class or a struct"
            : null;
        if (why is not null)
            throw new FunctionStartException($"{where}: type '{type.FullName}' cannot hold a Lambda handler: {why}");
    }

    private static (bool Awaits, PropertyInfo? TaskResult, Type? ResultType) Result(MethodInfo method, string where)
    {
        var returned = method.ReturnType;
        if (returned == typeof(ValueTask) || returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(ValueTask<>))
            throw new FunctionStartException(
                $"{where}: method '{method}' returns '{returned.Name}'; Lambda's .NET runtime awaits only Task and Task<T> (it would hand a ValueTask to the serializer), so return a Task");
        for (var t = returned; t is not null; t = t.BaseType)
        {
            if (t.IsConstructedGenericType && t.GetGenericTypeDefinition() == typeof(Task<>))
                return (true, t.GetProperty(nameof(Task<int>.Result)), t.GenericTypeArguments[0]);
        }
        if (typeof(Task).IsAssignableFrom(returned))
            return (true, null, null);
        return returned == typeof(void) ? (false, null, null) : (false, null, returned);
    }

    private static FunctionStartException MissingSerializer(string where, MethodInfo method, Type data, string what) =>
        new($"{where}: found no {LambdaSerializerBinding.AttributeTypeName} on method '{method.Name}' or its assembly to {what} '{data.FullName}'; "
            + "types other than System.IO.Stream need [LambdaSerializer(typeof(...))] on the method or the assembly");

    private static void CopyResult(Stream result, Stream response)
    {
        // As RuntimeSupport's StreamSerializer: a null Stream result is a NullReferenceException of the invocation.
        using (result)
        {
            if (result.CanSeek)
            {
                result.CopyTo(response);
                return;
            }
            // A stream of unknown length is read only until it is past the response limit (so an endless one ends);
            // the size reported is then what was read.
            var buffer = new byte[81920];
            int read;
            while (response.Length <= ResponseBuffer.MaxBytes && (read = result.Read(buffer)) > 0)
                response.Write(buffer, 0, read);
        }
    }
}
