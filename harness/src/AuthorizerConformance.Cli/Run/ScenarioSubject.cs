namespace AuthorizerConformance.Cli.Run;

/// <summary>Whom a scenario judges (issue 11, item 6); each has its own verdict.</summary>
public enum ScenarioSubject
{
    /// <summary>The authorizer under test: the profile's function (the reference authorizer without a profile).</summary>
    AuthorizerUnderTest,

    /// <summary>API Gateway's own rules, through the emulation: the scenario scripts the authorizer's output.</summary>
    GatewayEmulation,
}
