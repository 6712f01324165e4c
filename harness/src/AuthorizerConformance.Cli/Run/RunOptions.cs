namespace AuthorizerConformance.Cli.Run;

/// <summary>What <c>authz run</c> was asked to do, checked (paths absolute, the tag expression parsed).</summary>
/// <param name="Profile">The authorizer profile (AUTHZ_PROFILE), or null for the environment's or the built-in one.</param>
/// <param name="FeatureDirectories">The team's features folders, in the order given.</param>
/// <param name="Tags">The Cucumber tag expression selecting scenarios, or null.</param>
/// <param name="ReportDirectory">Where the reports go, or null for none.</param>
/// <param name="NoBuiltin">Leave the built-in conformance features out.</param>
/// <param name="Api">The team's API definition (AUTHZ_API), or null for the environment's or none.</param>
/// <param name="ApiName">The API's logical id in a SAM template with several (AUTHZ_API_NAME), or null.</param>
/// <param name="AllowSlow">Let scenarios wait in real time on a deployed stage (<c>--allow-slow</c>, AUTHZ_ALLOW_SLOW=1).</param>
public sealed record RunOptions(
    string? Profile, IReadOnlyList<string> FeatureDirectories, string? Tags, string? ReportDirectory, bool NoBuiltin,
    string? Api = null, string? ApiName = null, bool AllowSlow = false);
