using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AuthorizerConformance.Aws.Fakes;

/// <summary>
/// A local API Gateway (REST) control plane on 127.0.0.1 for tests without AWS: GetRestApis, GetAuthorizers (both
/// paged with <c>item</c>/<c>position</c>), GetAuthorizer, GetStage and TestInvokeAuthorizer with the real JSON
/// shapes and error answers (<c>x-amzn-ErrorType</c>, <c>message</c>, <c>Retry-After</c>). Every request's SigV4
/// signature is verified (<see cref="SigV4Verifier"/>) against fixed <see cref="FakeCredentials"/>;
/// TestInvokeAuthorizer runs a real function through the Gateway emulation. Faults are injected with
/// <see cref="Inject"/> and an AWS-like token bucket with <see cref="ThrottleAbove"/>.
/// </summary>
public sealed partial class FakeApiGatewayControlPlane : IAsyncDisposable
{
    private const int MaxBodyBytes = 1 << 20;
    private readonly Dictionary<string, FakeRestApi> _apis;
    private readonly Lock _gate = new();
    private readonly Queue<FakeFault> _faults = new();
    private readonly List<FakeRequestRecord> _requests = [];
    private LoopbackServer? _server;
    private TokenBucket? _bucket;

    /// <summary>A control plane serving <paramref name="apis"/> in <paramref name="region"/>; call <see cref="StartAsync"/>.</summary>
    public FakeApiGatewayControlPlane(IEnumerable<FakeRestApi> apis, string region = "us-east-1", string accountId = "123456789012",
        FakeCredentials? credentials = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(apis);
        _apis = apis.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Region = region;
        AccountId = accountId;
        Credentials = credentials ?? FakeCredentials.Default;
        Time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The region signatures must be scoped to.</summary>
    public string Region { get; }

    /// <summary>The account id (ARNs).</summary>
    public string AccountId { get; }

    /// <summary>The only credentials accepted.</summary>
    public FakeCredentials Credentials { get; }

    /// <summary>The fake's clock (signature age, request records).</summary>
    public TimeProvider Time { get; }

    /// <summary>The base URL once started (<c>AWS_ENDPOINT_URL_API_GATEWAY</c>).</summary>
    public Uri Endpoint => _server?.Address ?? throw new InvalidOperationException("The fake control plane is not started.");

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<FakeRequestRecord> Requests
    {
        get
        {
            lock (_gate)
                return [.. _requests];
        }
    }

    /// <summary>The most requests that arrived in any sliding one-second window (half-open, over every start instant),
    /// counted on the arrival instants of <see cref="Requests"/>, as a per-second quota counts them.</summary>
    public int MaxArrivalsInAnySecond => MaxArrivalsInAnyWindow(TimeSpan.FromSeconds(1));

    /// <summary>The most requests that arrived in any sliding half-open window of <paramref name="window"/>.</summary>
    public int MaxArrivalsInAnyWindow(TimeSpan window) => SlidingWindow.MaxCount(Requests.Select(r => r.ArrivedAt), window);

    /// <summary>Starts listening on 127.0.0.1 and an ephemeral port.</summary>
    public async Task<FakeApiGatewayControlPlane> StartAsync()
    {
        _server ??= await LoopbackServer.StartAsync(HandleAsync).ConfigureAwait(false);
        return this;
    }

    /// <summary>The next <paramref name="times"/> correctly signed requests get <paramref name="fault"/>, in order of injection.</summary>
    public void Inject(FakeFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
                _faults.Enqueue(fault);
        }
    }

    /// <summary>Throttles like the account's control-plane quota: a token bucket of <paramref name="requestsPerSecond"/>
    /// and <paramref name="burst"/>; a request finding it empty gets 429 with <c>Retry-After</c>. Null turns it off.</summary>
    public void ThrottleAbove(double? requestsPerSecond, int burst = 1, int retryAfterSeconds = 1)
    {
        lock (_gate)
            _bucket = requestsPerSecond is { } rate ? new TokenBucket(rate, burst, retryAfterSeconds, Time.GetUtcNow()) : null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Time.GetUtcNow();
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var rawPath = raw.Split('?')[0];
        var rawQuery = raw.Contains('?', StringComparison.Ordinal) ? raw[(raw.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var refused = SigV4Verifier.Verify(context.Request.Method, rawPath, rawQuery, headers, body, Credentials, Region, "apigateway", arrived);
        Answer answer;
        if (refused is { } r)
        {
            answer = Answer.Error(403, r.Type, r.Message, capitalMessage: true);
        }
        else
        {
            FakeFault? fault;
            TimeSpan? throttled;
            lock (_gate)
            {
                fault = _faults.Count > 0 ? _faults.Dequeue() : null;
                throttled = fault is null ? _bucket?.Take(arrived) : null;
            }
            answer = throttled is { } wait
                ? Answer.Throttled((int)Math.Ceiling(wait.TotalSeconds))
                : await ServeAsync(context, fault, rawPath, rawQuery, body).ConfigureAwait(false);
        }
        lock (_gate)
            _requests.Add(new FakeRequestRecord(arrived, context.Request.Method, rawPath, refused is null, answer.Status, answer.ErrorType));
        await answer.WriteAsync(context.Response).ConfigureAwait(false);
    }

    private async Task<Answer> ServeAsync(HttpContext context, FakeFault? fault, string rawPath, string rawQuery, byte[] body)
    {
        switch (fault)
        {
            case FakeFault.Throttle t:
                return Answer.Throttled(t.RetryAfterSeconds);
            case FakeFault.ServerError e:
                return Answer.Error(e.Status, e.Status == 503 ? "ServiceUnavailableException" : "InternalServerErrorException", "Internal server error");
            case FakeFault.AccessDenied:
                return Answer.Error(403, "AccessDeniedException",
                    $"User: arn:aws:iam::{AccountId}:user/conformance is not authorized to perform: apigateway:{context.Request.Method} on resource: " +
                    $"arn:aws:apigateway:{Region}::{Uri.UnescapeDataString(rawPath)}", capitalMessage: true);
            case FakeFault.ConnectionReset:
                context.Abort();
                return Answer.Error(499, "ConnectionReset", "the connection was reset");
            case FakeFault.ExpiredToken:
                return Answer.Error(403, "ExpiredTokenException", "The security token included in the request is expired", capitalMessage: true);
            case FakeFault.Garbage:
                return Answer.Ok("<html><body>Sign in to the Wi-Fi</body></html>"u8.ToArray());
            case FakeFault.Slow s:
                try
                {
                    await Task.Delay(s.Delay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return Answer.Error(499, "ClientClosedRequest", "the client went away");
                }
                break;
            case null:
                break;
        }
        return await RouteAsync(context.Request.Method, rawPath, rawQuery, body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                throw new InvalidOperationException("request body over 1 MiB");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static int? ReadLimit(IReadOnlyDictionary<string, string> query) =>
        query.TryGetValue("limit", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;
}
