using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>The part both payload 2.0 handlers share: check the event, find the token, validate it.</summary>
internal static class HttpApiEvents
{
    public static async Task<(Authorization Auth, ExecuteApiArn Arn)> AuthorizeAsync(string handler, AuthorizerEngine engine, APIGatewayCustomAuthorizerV2Request request)
    {
        if (request.Version != "2.0")
            throw new AuthorizerConfigurationException(
                $"Authorizer misconfigured: {handler} handles HTTP API payload 2.0 events but received version '{request.Version ?? "(none)"}'; set authorizerPayloadFormatVersion to 2.0.");
        var token = TokenSources.FromV2(request, engine.Settings);
        var auth = await engine.AuthorizeAsync(token, CancellationToken.None).ConfigureAwait(false);
        return (auth, ExecuteApiArn.Parse(request.RouteArn));
    }
}
