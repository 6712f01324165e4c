using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>
/// The built-in reference authorizer, in process, behind the emulated gateway: the default target. It reads the
/// scenario's clock and environment, so scenarios may configure it (<see cref="TargetCapability.AuthorizerSettings"/>)
/// and move its time (<see cref="TargetCapability.ControlledClock"/>).
/// </summary>
public sealed class ReferenceTarget(AuthorizerProfile profile) : IConformanceTarget
{
    /// <summary>The target's name.</summary>
    public const string TargetName = "reference";

    public ReferenceTarget() : this(AuthorizerProfile.Reference) { }

    /// <inheritdoc />
    public string Name => Profile.Name;

    /// <inheritdoc />
    public IReadOnlySet<string> Capabilities => TargetCapability.All;

    /// <inheritdoc />
    public AuthorizerProfile Profile { get; } = profile ?? throw new ArgumentNullException(nameof(profile));

    /// <inheritdoc />
    public IAuthorizerFunction CreateFunction(TargetFunctionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        TargetApplicability.Check(Profile, request.Authorizer, request.ApiType);
        return ReferenceFunctionFactory.Create(ReferenceFunctionFactory.DefaultVariant(request.Authorizer, request.ApiType),
            request.Environment, request.TimeProvider, request.Log);
    }
}
