using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Gateway;

/// <summary>A factory's answer: the function, or an error naming the JSON path of the bad setting.</summary>
public sealed record FunctionResolution(IAuthorizerFunction? Function, ScenarioError? Error)
{
    /// <summary>A resolved function.</summary>
    public static FunctionResolution Of(IAuthorizerFunction function) => new(function, null);

    /// <summary>A bad function description.</summary>
    public static FunctionResolution Failed(string path, string message) => new(null, new ScenarioError(path, message));
}
