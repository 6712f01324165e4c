using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// HTTP API payload 2.0 authorizer with IAM-policy responses (simple responses off, HTTP-5), evaluated by the
/// gateway against <c>routeArn</c>. Handler string:
/// <c>AuthorizerConformance.Authorizer::AuthorizerConformance.Authorizer.HttpApiIamAuthorizerFunction::FunctionHandler</c>.
/// </summary>
public sealed class HttpApiIamAuthorizerFunction : AuthorizerFunctionBase
{
    public HttpApiIamAuthorizerFunction() { }

    public HttpApiIamAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider) : base(environment, timeProvider) { }

    public HttpApiIamAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider, HttpMessageHandler? httpHandler, TextWriter? log)
        : base(environment, timeProvider, httpHandler, log) { }

    /// <summary>Reads one payload 2.0 event and returns the IAM response JSON.</summary>
    public Task<Stream> FunctionHandler(Stream input) => Host.HandleAsync(
        input,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerV2Request,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerV2IamResponse,
        async (engine, request) =>
        {
            var (auth, arn) = await HttpApiEvents.AuthorizeAsync(nameof(HttpApiIamAuthorizerFunction), engine, request).ConfigureAwait(false);
            return new APIGatewayCustomAuthorizerV2IamResponse
            {
                PrincipalId = auth.PrincipalId,
                PolicyDocument = PolicyBuilder.Build(arn, auth.Scopes, engine.Settings, webSocket: false),
                Context = auth.Context,
            };
        });
}
