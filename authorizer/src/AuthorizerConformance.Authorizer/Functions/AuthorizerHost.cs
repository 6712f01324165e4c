using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// What every handler shares: reading the event, the configuration (rebuilt only when an <c>AUTH_*</c> variable
/// changes, so JWKS caches live across invocations), the response JSON, and one log line per failure. A token
/// failure leaves as <see cref="UnauthorizedException"/> (401 at the gateway); a configuration error as
/// <see cref="AuthorizerConfigurationException"/> (500), never confused with each other.
/// </summary>
internal sealed class AuthorizerHost : IDisposable
{
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _time;
    private readonly TextWriter _log;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _fingerprint;
    private AuthorizerEngine? _engine;

    public AuthorizerHost(Func<string, string?> environment, TimeProvider timeProvider, HttpMessageHandler? httpHandler, TextWriter? log)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _log = log ?? Console.Error;
        _http = httpHandler is null ? new HttpClient() : new HttpClient(httpHandler, disposeHandler: false);
        _http.Timeout = TimeSpan.FromSeconds(5);
    }

    public async Task<Stream> HandleAsync<TRequest, TResponse>(
        Stream input, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType,
        Func<AuthorizerEngine, TRequest, Task<TResponse>> authorize)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            // Configuration first: a misconfigured authorizer answers 500 whatever the token.
            var engine = await EngineAsync().ConfigureAwait(false);
            var request = await ReadAsync(input, requestType).ConfigureAwait(false);
            var response = await authorize(engine, request).ConfigureAwait(false);
            var output = new MemoryStream();
            await JsonSerializer.SerializeAsync(output, response, responseType).ConfigureAwait(false);
            output.Position = 0;
            return output;
        }
        catch (UnauthorizedException e)
        {
            await _log.WriteLineAsync($"authorizer: Unauthorized reason={e.Reason} token={e.LogSafeToken ?? "(none)"}").ConfigureAwait(false);
            throw;
        }
        catch (AuthorizerConfigurationException e)
        {
            await _log.WriteLineAsync($"authorizer: configuration error: {e.Message}").ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<TRequest> ReadAsync<TRequest>(Stream input, JsonTypeInfo<TRequest> type) where TRequest : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(input, type).ConfigureAwait(false)
                   ?? throw new UnauthorizedException("event-null");
        }
        catch (JsonException e)
        {
            throw new UnauthorizedException("event-not-json", e);
        }
    }

    private async Task<AuthorizerEngine> EngineAsync()
    {
        var fingerprint = string.Join('\n', EnvironmentVariables.All.Select(name => $"{name}={_environment(name)}"));
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_engine is null || _fingerprint != fingerprint)
            {
                var settings = AuthorizerSettings.FromEnvironment(_environment);
                _engine = await AuthorizerEngine.CreateAsync(settings, _http, _time, _log, CancellationToken.None).ConfigureAwait(false);
                _fingerprint = fingerprint;
            }
            return _engine;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }
}
