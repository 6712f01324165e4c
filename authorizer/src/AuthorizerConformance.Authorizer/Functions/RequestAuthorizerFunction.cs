using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// REST API REQUEST authorizer (spec B; also HTTP API payload 1.0, HTTP-3). The token comes from
/// <c>AUTH_TOKEN_HEADER</c> (default <c>Authorization</c>) or <c>AUTH_TOKEN_QUERY</c>. Handler string:
/// <c>AuthorizerConformance.Authorizer::AuthorizerConformance.Authorizer.RequestAuthorizerFunction::FunctionHandler</c>.
/// </summary>
public sealed class RequestAuthorizerFunction : AuthorizerFunctionBase
{
    public RequestAuthorizerFunction() { }

    public RequestAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider) : base(environment, timeProvider) { }

    public RequestAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider, HttpMessageHandler? httpHandler, TextWriter? log)
        : base(environment, timeProvider, httpHandler, log) { }

    /// <summary>Reads one REQUEST event (REQ-5) and returns the IAM response JSON (REQ-6).</summary>
    public Task<Stream> FunctionHandler(Stream input) => Host.HandleAsync(
        input,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerRequest,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerResponse,
        async (engine, request) =>
        {
            if (request.Type != "REQUEST")
                throw WrongEvent(nameof(RequestAuthorizerFunction), "REQUEST", request.Type);
            var token = TokenSources.FromRequest(request, engine.Settings);
            var auth = await engine.AuthorizeAsync(token, CancellationToken.None).ConfigureAwait(false);
            return RestResponses.Iam(auth, ExecuteApiArn.Parse(request.MethodArn), engine.Settings, webSocket: false);
        });
}
