using System.Reflection;
using System.Runtime.Loader;

namespace AuthorizerConformance.Examples.Tests;

/// <summary>A collectible load context for looking at a fixture assembly by reflection: its dependencies (the look-alike
/// Amazon.Lambda.Core) come from its own folder, never from this test assembly's context.</summary>
public sealed class FixtureLoadContext(string assemblyPath) : AssemblyLoadContext("mutant-fixture-check", isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName) =>
        _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
}
