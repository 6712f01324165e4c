using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>A scripted output of a chosen size (WS-6, OUT-8: the 8 KB result limit); the size stays in the feature.</summary>
[Binding]
public sealed class ApiShapeSteps(AuthorizerSteps authorizer)
{
    [Given("the authorizer function returns an Allow for the incoming ARN with a context value of {int} characters")]
    public void ReturnsLargeOutput(int characters) =>
        authorizer.Returns($$$"""
            {"principalId": "u-1",
             "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "${methodArn}"}]},
             "context": {"padding": "{{{new string('x', characters)}}}"}}
            """);
}
