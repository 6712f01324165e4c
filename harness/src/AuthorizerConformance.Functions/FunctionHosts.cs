using AuthorizerConformance.Functions.RuntimeApi;

namespace AuthorizerConformance.Functions;

/// <summary>Starts the function a profile names, by the prefix of its function string.</summary>
public static class FunctionHosts
{
    /// <summary>The prefixes this build knows.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["node:", "python:", "command:", "dotnet:"];

    /// <summary>Starts the function <paramref name="info"/> names.</summary>
    /// <exception cref="FunctionStartException">The function string is malformed or names a file that is not there.</exception>
    public static IFunctionHost Start(FunctionStartInfo info) => Start(info, RuntimeApiLimits.Default, TimeProvider.System);

    /// <summary>Starts the function <paramref name="info"/> names, with the Runtime API host's bounds and clock given.</summary>
    /// <exception cref="FunctionStartException">The function string is malformed or names a file that is not there.</exception>
    public static IFunctionHost Start(FunctionStartInfo info, RuntimeApiLimits limits, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var kind = Kinds.FirstOrDefault(k => info.Function.StartsWith(k, StringComparison.Ordinal))
            ?? throw new FunctionStartException($"function \"{info.Function}\" has no known prefix; expected one of {string.Join(", ", Kinds)}");
        if (kind == "dotnet:")
            return DotNet.DotNetFunctions.Start(info);
        return new RuntimeApiFunctionHost(info, limits, timeProvider);
    }
}
