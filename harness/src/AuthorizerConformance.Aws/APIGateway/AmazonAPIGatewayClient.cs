using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using AuthorizerConformance.Aws.APIGateway.Model;
using AuthorizerConformance.Aws.Throttling;


namespace AuthorizerConformance.Aws.APIGateway;

/// <summary>
/// The API Gateway (REST, apigateway-2015-07-09) control-plane operations the harness needs, over AWSSDK.Core's
/// credential chain and SigV4 signer: a seam named like the <c>AWSSDK.APIGateway</c> package that is not served
/// here, so it can be swapped for it. Every call goes through one rate limiter, is retried on throttling and server
/// faults (<see cref="ApiGatewayRetryPolicy"/>), has a timeout per attempt, and fails with an
/// <see cref="AmazonAPIGatewayException"/> that says what to do. Thread-safe.
/// </summary>
public sealed partial class AmazonAPIGatewayClient : IDisposable
{
    /// <summary>The SigV4 signing name of the service.</summary>
    public const string SigningName = "apigateway";

    private readonly AmazonAPIGatewayConfig _config;
    private readonly HttpClient _http;
    private readonly RequestRateLimiter _limiter;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Func<double> _jitter;
    private readonly Lazy<RegionEndpoint> _region;
    private readonly Lazy<Uri> _endpoint;
    private readonly Lazy<AWSCredentials> _credentials;

    /// <summary>A client configured by <paramref name="config"/> (null: every default). Nothing is resolved until the first call.</summary>
    public AmazonAPIGatewayClient(AmazonAPIGatewayConfig? config = null)
    {
        _config = config ?? new AmazonAPIGatewayConfig();
        var time = _config.TimeProvider;
        _delay = _config.Delay ?? ((d, ct) => Task.Delay(d, time, ct));
        _jitter = _config.Jitter ?? Random.Shared.NextDouble;
        _limiter = _config.RateLimiter ?? new RequestRateLimiter(_config.RequestsPerSecond, time, _delay);
        // The timeout is ours (per attempt, on the injected clock); HttpClient's own stays out of the way.
        _http = new HttpClient(_config.Handler ?? new SocketsHttpHandler(), disposeHandler: _config.Handler is null)
            { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _region = new Lazy<RegionEndpoint>(ResolveRegion);
        _endpoint = new Lazy<Uri>(() => ApiGatewayEndpoint.Resolve(_config.ServiceURL, Region.SystemName, Region.PartitionDnsSuffix, _config.Environment));
        _credentials = new Lazy<AWSCredentials>(ResolveCredentials);
    }

    /// <summary>The region calls are signed for.</summary>
    public RegionEndpoint Region => _region.Value;

    /// <summary>The base URL calls go to.</summary>
    public Uri Endpoint => _endpoint.Value;

    /// <summary>TestInvokeAuthorizer: <c>POST /restapis/{restApiId}/authorizers/{authorizerId}</c> (TIA-1, TIA-2).</summary>
    public Task<TestInvokeAuthorizerResponse> TestInvokeAuthorizerAsync(TestInvokeAuthorizerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, ApiGatewayJsonContext.Default.TestInvokeAuthorizerRequest);
        return SendAsync(new Call("TestInvokeAuthorizer", HttpMethod.Post, AuthorizerPath(request.RestApiId, request.AuthorizerId), body)
            { RestApiId = request.RestApiId, AuthorizerId = request.AuthorizerId }, ApiGatewayJsonContext.Default.TestInvokeAuthorizerResponse, cancellationToken);
    }

    /// <summary>GetRestApis: one page (<paramref name="limit"/> 1–500, default 25 on the service; <paramref name="position"/> from the previous page).</summary>
    public Task<RestApis> GetRestApisAsync(int? limit = null, string? position = null, CancellationToken cancellationToken = default) =>
        SendAsync(new Call("GetRestApis", HttpMethod.Get, "restapis" + PageQuery(limit, position), null),
            ApiGatewayJsonContext.Default.RestApis, cancellationToken);

    /// <summary>GetAuthorizers: one page of the authorizers of <paramref name="restApiId"/>.</summary>
    public Task<Authorizers> GetAuthorizersAsync(string restApiId, int? limit = null, string? position = null, CancellationToken cancellationToken = default) =>
        SendAsync(new Call("GetAuthorizers", HttpMethod.Get, $"restapis/{Segment(restApiId)}/authorizers" + PageQuery(limit, position), null)
            { RestApiId = restApiId }, ApiGatewayJsonContext.Default.Authorizers, cancellationToken);

    /// <summary>GetAuthorizer: <c>GET /restapis/{restApiId}/authorizers/{authorizerId}</c>.</summary>
    public Task<Authorizer> GetAuthorizerAsync(string restApiId, string authorizerId, CancellationToken cancellationToken = default) =>
        SendAsync(new Call("GetAuthorizer", HttpMethod.Get, AuthorizerPath(restApiId, authorizerId), null)
            { RestApiId = restApiId, AuthorizerId = authorizerId }, ApiGatewayJsonContext.Default.Authorizer, cancellationToken);

    /// <summary>GetStage: <c>GET /restapis/{restApiId}/stages/{stageName}</c> (its <c>variables</c> are the stage variables).</summary>
    public Task<Stage> GetStageAsync(string restApiId, string stageName, CancellationToken cancellationToken = default) =>
        SendAsync(new Call("GetStage", HttpMethod.Get, $"restapis/{Segment(restApiId)}/stages/{Segment(stageName)}", null)
            { RestApiId = restApiId, StageName = stageName }, ApiGatewayJsonContext.Default.Stage, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string AuthorizerPath(string restApiId, string authorizerId) =>
        $"restapis/{Segment(restApiId)}/authorizers/{Segment(authorizerId)}";

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    private static string PageQuery(int? limit, string? position)
    {
        if (limit is < 1 or > 500)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "API Gateway pages hold 1 to 500 items.");
        var parts = new List<string>(2);
        if (limit is { } l)
            parts.Add($"limit={l}");
        if (!string.IsNullOrEmpty(position))
            parts.Add($"position={Uri.EscapeDataString(position)}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private RegionEndpoint ResolveRegion()
    {
        if (_config.RegionEndpoint is { } region)
            return region;
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()
                ?? throw new AmazonAPIGatewayException("", AmazonAPIGatewayException.NoRegionError, NoRegionMessage);
        }
        catch (AmazonClientException e)
        {
            throw new AmazonAPIGatewayException("", AmazonAPIGatewayException.NoRegionError, NoRegionMessage, innerException: e);
        }
    }

    private const string NoRegionMessage =
        "No AWS region: set \"region\" in the profile, or AWS_REGION, or a region in the AWS profile in use (AWS_PROFILE).";

    private AWSCredentials ResolveCredentials()
    {
        if (_config.Credentials is { } credentials)
            return credentials;
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException e)
        {
            // The SDK's message lists the sources it tried; it holds no secret.
            throw new AmazonAPIGatewayException("", AmazonAPIGatewayException.NoCredentialsError,
                "No AWS credentials found by the standard chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE with " +
                "static keys, SSO or a role, web identity, container or instance credentials). " + e.Message, innerException: e);
        }
    }
}
