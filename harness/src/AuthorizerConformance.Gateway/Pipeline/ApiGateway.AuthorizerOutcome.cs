namespace AuthorizerConformance.Gateway;

public sealed partial class ApiGateway
{
    // HTTP-7 / section N (M): the $context.authorizer.error text for an output API Gateway cannot use.
    private const string HttpOutputInvalidError =
        "The response from the Lambda Authorizer function doesn't match the format that API Gateway expects. Invalid json in authorizer response";

    /// <summary>The authorizer stage refused the request: record its status and error for the logging variables (CTX-6).</summary>
    private GatewayResult FinishByAuthorizer(Trace trace, RequestView view, Rejection rejection)
    {
        trace.AuthorizerStatus = rejection.Type switch
        {
            GatewayResponseType.Unauthorized => 401,
            GatewayResponseType.AccessDenied => 403,
            _ => 500,
        };
        trace.AuthorizerError = rejection.Failure is FailureCodes.AuthorizerOutputInvalid or FailureCodes.ContextValueInvalid && _api.Type == ApiType.Http
            ? HttpOutputInvalidError
            : rejection.Message ?? rejection.Detail;
        trace.TimedOut = rejection.Failure == FailureCodes.AuthorizerTimeout;
        trace.RequestId = view.Facts.RequestId;
        return Finish(trace, view, rejection);
    }

    /// <summary>The authorizer stage allowed the request (CTX-6: status 200, no error); later stages may still refuse it.</summary>
    private GatewayResult AdmitByAuthorizer(Trace trace, RequestView view, AuthorizerOutput output)
    {
        trace.AuthorizerStatus = 200;
        trace.RequestId = view.Facts.RequestId;
        return Admit(trace, view, output);
    }
}
