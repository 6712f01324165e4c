using Amazon;
using Amazon.Runtime;
using AuthorizerConformance.Aws.Throttling;


namespace AuthorizerConformance.Aws.APIGateway;

/// <summary>
/// How <see cref="AmazonAPIGatewayClient"/> reaches API Gateway. Every member has a production default: the
/// standard credential chain, the standard region chain, the endpoint chain of <see cref="ApiGatewayEndpoint"/>,
/// 8 requests/s, a 60 s timeout per attempt, <see cref="ApiGatewayRetryPolicy.Default"/>, the system clock.
/// </summary>
public sealed record AmazonAPIGatewayConfig
{
    /// <summary>The region; null: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile's region (FallbackRegionFactory).</summary>
    public RegionEndpoint? RegionEndpoint { get; init; }

    /// <summary>An explicit endpoint URL (wins over the environment variables), or null.</summary>
    public string? ServiceURL { get; init; }

    /// <summary>The credentials; null: the standard chain (environment, profiles, SSO, assume-role, container, instance).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The client-side rate limit (at most 10/s).</summary>
    public double RequestsPerSecond { get; init; } = RequestRateLimiter.DefaultRequestsPerSecond;

    /// <summary>A limiter shared with other clients, or null for the client's own at <see cref="RequestsPerSecond"/>.</summary>
    public RequestRateLimiter? RateLimiter { get; init; }

    /// <summary>How long one attempt may take. TestInvokeAuthorizer runs the function synchronously, cold start included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>When to retry.</summary>
    public ApiGatewayRetryPolicy Retry { get; init; } = ApiGatewayRetryPolicy.Default;

    /// <summary>The clock (signing time, timeouts, backoff schedule).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How to wait (backoff, rate limit); null: <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> on <see cref="TimeProvider"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>The jitter source, values in [0, 1); null: <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }

    /// <summary>Reads environment variables (endpoint chain).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The HTTP handler, or null for a new <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Receives one line per failed attempt and retry (operation, path, status, error type, wait);
    /// never a header, body, token or credential.</summary>
    public Action<string>? Log { get; init; }
}
