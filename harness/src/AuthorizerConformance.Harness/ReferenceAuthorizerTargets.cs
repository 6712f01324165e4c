using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness;

/// <summary>The built-in reference authorizer as in-process targets, configured the way Lambda configures it.</summary>
public static class ReferenceAuthorizerTargets
{
    /// <summary>The REST TOKEN variant, with <paramref name="environment"/> standing in for the function's environment variables.</summary>
    public static IAuthorizerFunction Token(IReadOnlyDictionary<string, string> environment, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var function = new TokenAuthorizerFunction(name => environment.GetValueOrDefault(name), timeProvider);
        return new InProcessAuthorizerFunction(function.FunctionHandler, timeProvider);
    }
}
