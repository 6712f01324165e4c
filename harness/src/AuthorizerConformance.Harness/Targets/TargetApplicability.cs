using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Profiles;

namespace AuthorizerConformance.Harness.Targets;

/// <summary>Whether a profile's function can serve a scenario's authorizer: its type must be among the profile's types.</summary>
public static class TargetApplicability
{
    /// <summary>The profile type a scenario's authorizer needs (TOKEN, REQUEST, HTTP_SIMPLE, HTTP_IAM, WEBSOCKET).</summary>
    public static string TypeNeeded(AuthorizerDefinition authorizer, ApiType apiType) =>
        AuthorizerProfileType.FromVariant(ReferenceFunctionFactory.DefaultVariant(authorizer, apiType));

    /// <summary>Throws <see cref="ScenarioNotApplicableException"/> when <paramref name="profile"/> cannot serve the authorizer.</summary>
    public static void Check(AuthorizerProfile profile, AuthorizerDefinition authorizer, ApiType apiType)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(authorizer);
        var needed = TypeNeeded(authorizer, apiType);
        if (!profile.Types.Contains(needed, StringComparer.Ordinal))
            throw new ScenarioNotApplicableException(
                $"The profile '{profile.Name}' describes a {string.Join("/", profile.Types)} authorizer; this scenario's authorizer " +
                $"{authorizer.Name} on a {apiType} API needs a {needed} function.");
    }
}
