namespace AuthorizerConformance.Aws.APIGateway;

/// <summary>
/// An API Gateway call failed for good: the service refused it (named by its <c>x-amzn-ErrorType</c>), the retry
/// budget was spent, no answer came within the timeout, or no credentials or region could be found. The message
/// says what to do about it; it never holds a credential, a token or a request body.
/// </summary>
public sealed class AmazonAPIGatewayException : Exception
{
    /// <summary>Error types the client itself reports (no service answer carries them).</summary>
    public const string TimeoutError = "RequestTimeout", ConnectionError = "ConnectionFailure",
        NoCredentialsError = "NoCredentials", NoRegionError = "NoRegion", MalformedAnswerError = "MalformedAnswer",
        EndpointError = "InvalidEndpoint";

    /// <summary>An error of <paramref name="errorType"/> for <paramref name="operation"/>.</summary>
    public AmazonAPIGatewayException(string operation, string errorType, string message, int? statusCode = null, int attempts = 0,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        ErrorType = errorType;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>For serializers and analyzers; prefer the other constructor.</summary>
    public AmazonAPIGatewayException() : this("", "", "An API Gateway call failed.") { }

    /// <summary>For serializers and analyzers; prefer the other constructor.</summary>
    public AmazonAPIGatewayException(string message) : this("", "", message) { }

    /// <summary>For serializers and analyzers; prefer the other constructor.</summary>
    public AmazonAPIGatewayException(string message, Exception innerException) : this("", "", message, null, 0, innerException) { }

    /// <summary>The operation, e.g. <c>TestInvokeAuthorizer</c>.</summary>
    public string Operation { get; }

    /// <summary>The service's error name (<c>x-amzn-ErrorType</c> up to <c>:</c>, e.g. <c>TooManyRequestsException</c>)
    /// or one of the client's own (<see cref="TimeoutError"/>…).</summary>
    public string ErrorType { get; }

    /// <summary>The HTTP status of the last answer, or null when there was none.</summary>
    public int? StatusCode { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>Whether the service throttled the call until the retry budget was spent.</summary>
    public bool IsThrottling => StatusCode == 429;
}
