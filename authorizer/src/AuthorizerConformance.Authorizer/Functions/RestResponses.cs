using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>The IAM-policy response shared by REST TOKEN, REST REQUEST and WebSocket handlers (A.4, WS-5).</summary>
internal static class RestResponses
{
    public static APIGatewayCustomAuthorizerResponse Iam(Authorization auth, ExecuteApiArn arn, AuthorizerSettings settings, bool webSocket) => new()
    {
        PrincipalId = auth.PrincipalId,
        PolicyDocument = PolicyBuilder.Build(arn, auth.Scopes, settings, webSocket),
        Context = auth.Context,
    };
}
