using System.Reflection;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// The handler's serializer, as Lambda's .NET runtime picks it (RuntimeSupport <c>UserCodeLoader.GetSerializerObject</c>):
/// the <c>Amazon.Lambda.Core.LambdaSerializerAttribute</c> on the method, else the one on the assembly; its
/// <c>SerializerType</c> needs a public parameterless constructor and must implement
/// <c>Amazon.Lambda.Core.ILambdaSerializer</c>, whose <c>T Deserialize&lt;T&gt;(Stream)</c> and
/// <c>void Serialize&lt;T&gt;(T, Stream)</c> are called. All bound by name.
/// </summary>
internal sealed class LambdaSerializerBinding
{
    public const string AttributeTypeName = "Amazon.Lambda.Core.LambdaSerializerAttribute";
    private const string InterfaceTypeName = "Amazon.Lambda.Core.ILambdaSerializer";
    private readonly MethodInfo _deserialize;
    private readonly MethodInfo _serialize;

    private LambdaSerializerBinding(object instance, MethodInfo deserialize, MethodInfo serialize)
    {
        Instance = instance;
        _deserialize = deserialize;
        _serialize = serialize;
    }

    /// <summary>The serializer object (what <c>ILambdaContext.Serializer</c> returns).</summary>
    public object Instance { get; }

    /// <summary>The serializer the method or its assembly names, or null when neither has the attribute.</summary>
    public static LambdaSerializerBinding? Find(MethodInfo method, string where)
    {
        var attribute = method.GetCustomAttributes().SingleOrDefault(IsSerializerAttribute)
            ?? method.Module.Assembly.GetCustomAttributes().SingleOrDefault(IsSerializerAttribute);
        if (attribute is null)
            return null;
        if (attribute.GetType().GetProperty("SerializerType")?.GetValue(attribute) is not Type type)
            throw new FunctionStartException($"{where}: the 'SerializerType' of its {AttributeTypeName} is not set");
        var constructor = type.GetConstructor(Type.EmptyTypes)
            ?? throw new FunctionStartException($"{where}: the serializer '{type.FullName}' does not define a public zero-parameter constructor");
        var contract = type.GetInterface(InterfaceTypeName)
            ?? throw new FunctionStartException($"{where}: the serializer '{type.FullName}' does not implement '{InterfaceTypeName}'");
        var deserialize = contract.GetMethod("Deserialize");
        var serialize = contract.GetMethod("Serialize");
        if (deserialize is not { IsGenericMethodDefinition: true } || deserialize.GetParameters() is not [{ ParameterType: var input }] || input != typeof(Stream)
            || serialize is not { IsGenericMethodDefinition: true } || serialize.GetParameters().Length != 2 || serialize.GetParameters()[1].ParameterType != typeof(Stream))
            throw new FunctionStartException($"{where}: '{contract.FullName}' does not have the shape 'T Deserialize<T>(Stream)', 'void Serialize<T>(T, Stream)'");
        object instance;
        try
        {
            instance = constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, null, null);
        }
#pragma warning disable CA1031 // the team's constructor may throw anything; it is a start failure, named
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new FunctionStartException($"{where}: the serializer '{type.FullName}' threw {e.GetType().Name}: {e.Message}", e);
        }
        return new LambdaSerializerBinding(instance, deserialize, serialize);
    }

    /// <summary>A reader of <paramref name="type"/> from the event stream.</summary>
    public Func<Stream, object?> Reader(Type type)
    {
        var method = _deserialize.MakeGenericMethod(type);
        return stream => method.Invoke(Instance, BindingFlags.DoNotWrapExceptions, null, [stream], null);
    }

    /// <summary>A writer of a <paramref name="type"/> value to the response stream.</summary>
    public Action<object?, Stream> Writer(Type type)
    {
        var method = _serialize.MakeGenericMethod(type);
        return (value, stream) => method.Invoke(Instance, BindingFlags.DoNotWrapExceptions, null, [value, stream], null);
    }

    private static bool IsSerializerAttribute(Attribute attribute) => attribute.GetType().FullName == AttributeTypeName;
}
