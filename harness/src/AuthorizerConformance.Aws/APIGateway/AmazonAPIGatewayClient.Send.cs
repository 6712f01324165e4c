using AuthorizerConformance.Aws.Throttling;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime.Signing;

namespace AuthorizerConformance.Aws.APIGateway;

public sealed partial class AmazonAPIGatewayClient
{
    /// <summary>Rate limit → sign → send (with a timeout) → classify; retried per <see cref="AmazonAPIGatewayConfig.Retry"/>.
    /// Every attempt holds a slot of the rate limiter from its start until the client saw it end, and one window after.</summary>
    private async Task<T> SendAsync<T>(Call call, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        var endpoint = Endpoint;
        var uri = new Uri(endpoint, call.PathAndQuery);
        var credentials = _credentials.Value;
        var retry = _config.Retry;
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            Failure failure;
            // The lease ends when the answer is read, or when this block is left (failure, timeout, cancellation, throw).
            using (var lease = await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false))
            using (var request = Sign(call, uri, credentials))
            using (var timeout = new CancellationTokenSource(_config.Timeout, _config.TimeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
                    lease.Complete();
                    if (response.IsSuccessStatusCode)
                        return Deserialize(call, body, answer, attempt);
                    failure = ApiGatewayErrors.Read(response, body, _config.TimeProvider.GetUtcNow(), text => CredentialText.Withhold(text, credentials));
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Not retried: TestInvokeAuthorizer runs the function synchronously; a call this slow would be slow again.
                    throw new AmazonAPIGatewayException(call.Operation, AmazonAPIGatewayException.TimeoutError,
                        $"{call.Operation} ({call.Method} {call.Path}) got no answer from {endpoint.GetLeftPart(UriPartial.Authority)} within " +
                        $"{_config.Timeout.TotalSeconds:0.###} s (the timeout per attempt).", attempts: attempt);
                }
                catch (HttpRequestException e)
                {
                    failure = new Failure(null, AmazonAPIGatewayException.ConnectionError, $"could not reach {endpoint.GetLeftPart(UriPartial.Authority)}: {e.Message}", null);
                }
            }
            var retryable = failure.Status is null || ApiGatewayRetryPolicy.IsRetryable(failure.Status.Value);
            var throttling = failure.Status == 429;
            if (retryable && attempt < retry.MaxAttempts)
            {
                var wait = retry.Backoff(attempt - 1, throttling, failure.RetryAfter, _jitter());
                if (waited + wait <= retry.MaxTotalWait)
                {
                    _config.Log?.Invoke($"apigateway {call.Operation} {call.Method} {call.Path}: {failure.Describe()}; retry {attempt}/{retry.MaxAttempts - 1} in {wait.TotalSeconds:0.###} s");
                    // Everyone waits what the service asked for (or the throttling base); only this call backs off further.
                    if (throttling)
                        _limiter.HoldUntil(_config.TimeProvider.GetUtcNow() + (failure.RetryAfter ?? retry.ThrottlingBase));
                    waited += wait;
                    await _delay(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            _config.Log?.Invoke($"apigateway {call.Operation} {call.Method} {call.Path}: {failure.Describe()}; giving up after {attempt} attempt(s)");
            throw ApiGatewayErrors.Explain(call, failure, Region, attempt, retryable, waited);
        }
    }

    private HttpRequestMessage Sign(Call call, Uri uri, Amazon.Runtime.AWSCredentials credentials)
    {
        // A new message per attempt, signed at the current time (a retried signature would age out).
        var request = new HttpRequestMessage(call.Method, uri);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = "application/json" };
        if (call.Body is not null)
        {
            request.Content = new ByteArrayContent(call.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            headers["Content-Type"] = "application/json";
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        AWSSigningResult signed;
        try
        {
            var signing = new AWSSigningRequest { HttpMethod = call.Method, RequestUri = uri, Content = call.Body ?? [] };
            foreach (var (name, value) in headers)
                signing.Headers[name] = value;
            signed = AWSSigV4Signer.Sign(signing,
                new AWSSigV4Parameters { Credentials = credentials, Region = Region, Service = SigningName, SignPayload = true, SignedAt = _config.TimeProvider.GetUtcNow().UtcDateTime });
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            request.Dispose();
            throw new AmazonAPIGatewayException(call.Operation, AmazonAPIGatewayException.NoCredentialsError,
                "The AWS credentials could not be read or refreshed: " + e.Message, innerException: e);
        }
        foreach (var (name, value) in signed.Headers)
        {
            if (!headers.ContainsKey(name))
                request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private static T Deserialize<T>(Call call, byte[] body, JsonTypeInfo<T> answer, int attempt)
    {
        try
        {
            return JsonSerializer.Deserialize(body, answer)
                ?? throw new JsonException("the answer is JSON null");
        }
        catch (JsonException e)
        {
            throw new AmazonAPIGatewayException(call.Operation, AmazonAPIGatewayException.MalformedAnswerError,
                $"{call.Operation} ({call.Method} {call.Path}) answered 2xx with a body that is not its JSON shape ({e.Message}); is the endpoint API Gateway?",
                200, attempt, e);
        }
    }
}
