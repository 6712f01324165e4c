using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Targets.Deployed;

/// <summary>
/// Sends a scenario's request to a deployed stage's invoke URL (<c>https://{apiId}.execute-api.{region}.amazonaws.com/{stage}</c>
/// or a custom domain) as a client would, and reports the real status, headers and body. Bounded: a timeout per request
/// and a cap on the body read.
/// </summary>
public sealed class StageInvoker
{
    /// <summary>The most of a response body that is read (API Gateway's own payload limit is 10 MB).</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Type", "Content-Encoding", "Content-Language" };
    private static readonly HashSet<string> NotSent = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Transfer-Encoding", "Connection" };

    private readonly HttpClient _http;
    private readonly Uri _invokeUrl;
    private readonly TimeSpan _timeout;

    /// <summary>Invokes the stage at <paramref name="invokeUrl"/> through <paramref name="http"/>.</summary>
    public StageInvoker(HttpClient http, Uri invokeUrl, TimeSpan? timeout = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        ArgumentNullException.ThrowIfNull(invokeUrl);
        if (invokeUrl.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(invokeUrl.Query))
            throw new ArgumentException($"an invoke URL is http(s) without a query, e.g. https://abc123.execute-api.us-east-1.amazonaws.com/prod (got {invokeUrl})", nameof(invokeUrl));
        _invokeUrl = invokeUrl;
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The URL <paramref name="request"/> goes to: the invoke URL, then its path and query.</summary>
    public Uri UrlFor(ClientRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseUrl = _invokeUrl.AbsoluteUri.TrimEnd('/');
        var path = string.Join('/', request.Path.Split('/').Select(Uri.EscapeDataString));
        return new Uri(baseUrl + path + (request.Query.Length > 0 ? "?" + request.Query : ""));
    }

    /// <summary>Sends <paramref name="request"/> and reads the answer.</summary>
    /// <exception cref="TimeoutException">No answer within the timeout.</exception>
    public async Task<StageResponse> SendAsync(ClientRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), UrlFor(request));
        if (request.Body is not null)
            message.Content = new StringContent(request.Body);
        foreach (var (name, value) in request.Headers.Where(h => !NotSent.Contains(h.Key)))
        {
            if (ContentHeaders.Contains(name))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var body = await ReadBoundedAsync(response.Content, deadline.Token).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v))).ToList();
            return new StageResponse((int)response.StatusCode, headers, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {UrlFor(request).GetLeftPart(UriPartial.Path)} got no answer within {_timeout.TotalSeconds:0.#} s.");
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                throw new InvalidDataException($"the stage's answer is larger than {MaxBodyBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
