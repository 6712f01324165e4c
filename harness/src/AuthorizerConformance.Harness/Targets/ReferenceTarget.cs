using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>The built-in reference authorizer, in process, behind the emulated gateway. The default target.</summary>
public sealed class ReferenceTarget : IConformanceTarget
{
    /// <summary>The target's name.</summary>
    public const string TargetName = "reference";

    /// <inheritdoc />
    public string Name => TargetName;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => TargetCapability.All;

    /// <inheritdoc />
    public IAuthorizerFunction CreateFunction(AuthorizerDefinition authorizer, ApiType apiType, IReadOnlyDictionary<string, string> environment,
        TimeProvider timeProvider, TextWriter log) =>
        ReferenceFunctionFactory.Create(ReferenceFunctionFactory.DefaultVariant(authorizer, apiType), environment, timeProvider, log);
}
