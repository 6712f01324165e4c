using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// HTTP API payload 2.0 authorizer with simple responses (HTTP-5): <c>{"isAuthorized": bool, "context": {…}}</c>.
/// <c>isAuthorized</c> is the verdict of the same policy the IAM variant would return, evaluated against
/// <c>routeArn</c>; with <c>AUTH_SCOPE_ROUTES</c>, add <c>$context.routeKey</c> to the identity sources, because a
/// cached simple verdict applies to every route (CAC-6). Handler string:
/// <c>AuthorizerConformance.Authorizer::AuthorizerConformance.Authorizer.HttpApiSimpleAuthorizerFunction::FunctionHandler</c>.
/// </summary>
public sealed class HttpApiSimpleAuthorizerFunction : AuthorizerFunctionBase
{
    public HttpApiSimpleAuthorizerFunction() { }

    public HttpApiSimpleAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider) : base(environment, timeProvider) { }

    public HttpApiSimpleAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider, HttpMessageHandler? httpHandler, TextWriter? log)
        : base(environment, timeProvider, httpHandler, log) { }

    /// <summary>Reads one payload 2.0 event and returns the simple response JSON.</summary>
    public Task<Stream> FunctionHandler(Stream input) => Host.HandleAsync(
        input,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerV2Request,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerV2SimpleResponse,
        async (engine, request) =>
        {
            var (auth, arn) = await HttpApiEvents.AuthorizeAsync(nameof(HttpApiSimpleAuthorizerFunction), engine, request).ConfigureAwait(false);
            var policy = PolicyBuilder.Build(arn, auth.Scopes, engine.Settings, webSocket: false);
            return new APIGatewayCustomAuthorizerV2SimpleResponse
            {
                IsAuthorized = PolicyBuilder.Allows(policy, request.RouteArn!),
                Context = auth.Context,
            };
        });
}
