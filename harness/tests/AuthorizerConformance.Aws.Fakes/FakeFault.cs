namespace AuthorizerConformance.Aws.Fakes;

/// <summary>A fault the fake control plane answers with instead of serving the request (see
/// <see cref="FakeApiGatewayControlPlane.Inject"/>). Switch on it exhaustively.</summary>
public abstract record FakeFault
{
    private FakeFault() { }

    /// <summary>429 <c>TooManyRequestsException</c> with <c>Retry-After: <paramref name="RetryAfterSeconds"/></c>.</summary>
    public sealed record Throttle(int RetryAfterSeconds) : FakeFault;

    /// <summary>A server fault: 500 <c>InternalServerError</c>, 502, 503 <c>ServiceUnavailableException</c>, 504.</summary>
    public sealed record ServerError(int Status = 500) : FakeFault;

    /// <summary>403 <c>AccessDeniedException</c> naming the IAM action and resource ARN the caller lacks.</summary>
    public sealed record AccessDenied : FakeFault;

    /// <summary>403 <c>ExpiredTokenException</c>: the (session) credentials have expired.</summary>
    public sealed record ExpiredToken : FakeFault;

    /// <summary>Drops the connection without an answer (a reset, as a broken proxy or network would).</summary>
    public sealed record ConnectionReset : FakeFault;

    /// <summary>Serves the request normally, after <paramref name="Delay"/> of real time (the connection closing ends the wait).</summary>
    public sealed record Slow(TimeSpan Delay) : FakeFault;
}
