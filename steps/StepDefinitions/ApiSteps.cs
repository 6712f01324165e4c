using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>The API and the authorizer under test.</summary>
[Binding]
public sealed class ApiSteps(ScenarioState state)
{
    [Given("a REST API with a TOKEN authorizer reading the {string} header")]
    public void GivenARestApiWithATokenAuthorizer(string header) =>
        state.Api = state.Api with { TokenHeader = header };

    [Given("the reference authorizer is configured with a generated HS256 secret")]
    public void GivenTheReferenceAuthorizerHasASecret() =>
        state.AuthorizerEnvironment[EnvironmentVariables.TokenSalt] = TestSecrets.AuthorizerSecret;
}
