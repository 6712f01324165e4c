using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// WebSocket <c>$connect</c> authorizer (spec E): a REQUEST event with <c>requestContext.eventType</c>
/// <c>CONNECT</c> (WS-1, WS-3), answered with an IAM policy (WS-5) on <c>…/{stage}/*</c>. Browsers cannot set
/// headers on a WebSocket handshake, so <c>AUTH_TOKEN_QUERY</c> is the usual source here. Handler string:
/// <c>AuthorizerConformance.Authorizer::AuthorizerConformance.Authorizer.WebSocketAuthorizerFunction::FunctionHandler</c>.
/// </summary>
public sealed class WebSocketAuthorizerFunction : AuthorizerFunctionBase
{
    public WebSocketAuthorizerFunction() { }

    public WebSocketAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider) : base(environment, timeProvider) { }

    public WebSocketAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider, HttpMessageHandler? httpHandler, TextWriter? log)
        : base(environment, timeProvider, httpHandler, log) { }

    /// <summary>Reads one <c>$connect</c> event and returns the IAM response JSON.</summary>
    public Task<Stream> FunctionHandler(Stream input) => Host.HandleAsync(
        input,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerRequest,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerResponse,
        async (engine, request) =>
        {
            // WS-1: authorizers run only on $connect.
            if (request.Type != "REQUEST" || request.RequestContext?.EventType is not (null or "CONNECT"))
                throw WrongEvent(nameof(WebSocketAuthorizerFunction), "WebSocket $connect REQUEST", request.RequestContext?.EventType ?? request.Type);
            var token = TokenSources.FromRequest(request, engine.Settings);
            var auth = await engine.AuthorizeAsync(token, CancellationToken.None).ConfigureAwait(false);
            return RestResponses.Iam(auth, ExecuteApiArn.Parse(request.MethodArn), engine.Settings, webSocket: true);
        });
}
