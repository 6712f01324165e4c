namespace Amazon.Lambda.Core;

/// <summary>Look-alike of the real attribute: on a method or the assembly, names the serializer type.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class LambdaSerializerAttribute : Attribute
{
    public LambdaSerializerAttribute(Type serializerType) => SerializerType = serializerType;

    public Type SerializerType { get; set; }
}
