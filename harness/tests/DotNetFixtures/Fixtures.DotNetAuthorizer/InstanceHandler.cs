using System.Text;

namespace Fixtures.DotNetAuthorizer;

/// <summary>An instance handler: Lambda creates the object once per execution environment and reuses it warm.</summary>
public sealed class InstanceHandler
{
    private static int s_instances;
    private readonly int _instance = Interlocked.Increment(ref s_instances);
    private int _calls;

    public Stream Handle(Stream input)
    {
        var calls = Interlocked.Increment(ref _calls);
        return new MemoryStream(Encoding.UTF8.GetBytes($"{{\"instance\":{_instance},\"calls\":{calls}}}"));
    }
}

/// <summary>A handler type whose constructor throws: the function cannot start.</summary>
public sealed class BrokenConstructorHandler
{
    public BrokenConstructorHandler() => throw new InvalidOperationException("AUTH_TOKEN_SALT is not set");

    public Stream Handle(Stream input) => input;
}

/// <summary>A handler method declared on a base class: Lambda searches base types for it.</summary>
public abstract class HandlerBase
{
    public Stream Inherited(Stream input) => input;
}

/// <summary>Names <see cref="HandlerBase.Inherited"/> through a derived type.</summary>
public sealed class DerivedHandler : HandlerBase;
