using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// REST API TOKEN authorizer (spec A), a Stream-in/Stream-out handler for the managed .NET runtime, so no
/// Amazon.Lambda package is needed. Handler string:
/// <c>AuthorizerConformance.Authorizer::AuthorizerConformance.Authorizer.TokenAuthorizerFunction::FunctionHandler</c>.
/// The token is the raw header value (TOK-5). A thrown exception becomes the Lambda function error.
/// </summary>
public sealed class TokenAuthorizerFunction : AuthorizerFunctionBase
{
    public TokenAuthorizerFunction() { }

    public TokenAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider) : base(environment, timeProvider) { }

    public TokenAuthorizerFunction(Func<string, string?> environment, TimeProvider timeProvider, HttpMessageHandler? httpHandler, TextWriter? log)
        : base(environment, timeProvider, httpHandler, log) { }

    /// <summary>Reads one TOKEN event (A.3) and returns the response JSON (A.4).</summary>
    public Task<Stream> FunctionHandler(Stream input) => Host.HandleAsync(
        input,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerRequest,
        APIGatewayEventsJsonContext.Default.APIGatewayCustomAuthorizerResponse,
        async (engine, request) =>
        {
            if (request.Type is not (null or "TOKEN"))
                throw WrongEvent(nameof(TokenAuthorizerFunction), "TOKEN", request.Type);
            var auth = await engine.AuthorizeAsync(request.AuthorizationToken, CancellationToken.None).ConfigureAwait(false);
            var arn = ExecuteApiArn.Parse(request.MethodArn);
            return RestResponses.Iam(auth, arn, engine.Settings, webSocket: false);
        });
}
