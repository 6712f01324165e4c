using System.Reflection;
using System.Runtime.CompilerServices;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// A handler method bound the way Lambda's .NET runtime binds it (RuntimeSupport <c>InvokeDelegateBuilder</c>): the
/// event read as a <see cref="Stream"/> or deserialized, an <c>ILambdaContext</c> if asked for, a <c>Task</c> awaited, the
/// result copied (a Stream) or serialized. Made by <see cref="LambdaHandlerBinder"/>.
/// </summary>
internal sealed class BoundHandler
{
    private readonly Func<Stream, object?>? _input;
    private readonly bool _takesContext;
    private readonly int _parameterCount;
    private readonly bool _awaits;
    private readonly PropertyInfo? _taskResult;
    private readonly Action<object?, Stream>? _output;

    public BoundHandler(
        Type type, MethodInfo method, Func<Stream, object?>? input, Type? contextType, bool awaits, PropertyInfo? taskResult,
        Action<object?, Stream>? output, LambdaSerializerBinding? serializer)
    {
        Type = type;
        Method = method;
        _input = input;
        ContextType = contextType;
        _takesContext = contextType is not null;
        _parameterCount = method.GetParameters().Length;
        _awaits = awaits;
        _taskResult = taskResult;
        _output = output;
        Serializer = serializer;
    }

    /// <summary>The type the handler string names (the method may be declared on a base type).</summary>
    public Type Type { get; }

    public MethodInfo Method { get; }

    /// <summary>The handler's <c>ILambdaContext</c> parameter type, or null when it takes none.</summary>
    public Type? ContextType { get; }

    public LambdaSerializerBinding? Serializer { get; }

    /// <summary>
    /// The object an instance handler is called on, made once per execution environment as Lambda makes it
    /// (<see cref="Activator.CreateInstance(Type)"/>); for a static handler, null after its type's static constructor ran.
    /// </summary>
    /// <exception cref="FunctionStartException">The constructor (or static constructor) threw.</exception>
    public object? CreateTarget(string where)
    {
        var type = Type;
        try
        {
            if (!Method.IsStatic)
                return Activator.CreateInstance(type);
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            return null;
        }
#pragma warning disable CA1031 // the team's initialization may throw anything: a start failure, named
        catch (Exception e)
#pragma warning restore CA1031
        {
            var cause = e is TargetInvocationException or TypeInitializationException && e.InnerException is { } inner ? inner : e;
            throw new FunctionStartException($"{where}: initializing '{type.FullName}' threw {cause.GetType().Name}: {cause.Message}", cause);
        }
    }

    /// <summary>Calls the handler once; exceptions are the handler's (or its serializer's), unwrapped, as Lambda reports them.</summary>
    public async Task<ResponseBuffer> InvokeAsync(object? target, byte[] eventJson, object? context)
    {
        using var input = new MemoryStream(eventJson, writable: false);
        var args = new object?[_parameterCount];
        var next = 0;
        if (_input is not null)
            args[next++] = _input(input);
        if (_takesContext)
            args[next] = context;
        var result = Method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, args, null);
        if (_awaits)
        {
            var task = (Task)result!;
            await task.ConfigureAwait(false);
            result = _taskResult?.GetValue(task);
        }
        var response = new ResponseBuffer();
        _output?.Invoke(result, response);
        return response;
    }
}
