using System.Reflection;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// Where a handler's assembly comes from: a file, loaded afresh in its own <see cref="HandlerLoadContext"/> for each
/// execution environment, or an assembly the test project registered (<see cref="DotNetFunctions.Register"/>), used as
/// it is, in the context it is already loaded in.
/// </summary>
internal sealed record HandlerSource(string? Path, Assembly? Registered)
{
    /// <summary>The file or the registered assembly's name, for messages.</summary>
    public string Describe() => Path ?? $"{Registered!.GetName().Name} (registered)";

    /// <summary>Loads the assembly for a new execution environment (in a new load context unless registered).</summary>
    public Assembly Load(string where)
    {
        if (Registered is not null)
            return Registered;
        try
        {
            return new HandlerLoadContext(Path!).LoadFromAssemblyPath(Path!);
        }
#pragma warning disable CA1031 // a bad file or .deps.json is a start failure, named
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new FunctionStartException($"{where}: unable to load the assembly: {e.GetType().Name}: {e.Message}", e);
        }
    }
}
