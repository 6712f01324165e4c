using System.Reflection;
using System.Runtime.Loader;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// The load context of one execution environment of a .NET function: the handler assembly and what its
/// <c>.deps.json</c> names (its own copy of Amazon.Lambda.Core, the serializer, its packages) are loaded here, resolved
/// by <see cref="AssemblyDependencyResolver"/>; the shared framework comes from the default context. Not collectible:
/// the context's proxies are emitted into it (<see cref="InterfaceProxy"/>) as non-collectible code; a run loads one
/// context per execution environment (the pool, plus one per timeout), and they stay until the process ends.
/// </summary>
internal sealed class HandlerLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public HandlerLoadContext(string assemblyPath)
        : base($"dotnet-function:{Path.GetFileName(assemblyPath)}", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
