using System.Buffers;
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
    private readonly string?[] _lookup = new string?[EnvironmentVariables.All.Count];

    // The engine and the raw AUTH_* values it was built from, swapped together so readers need no lock.
    private volatile Configured? _current;

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
            // The response is small and built in memory: serialize it in one synchronous pass.
            return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(response, responseType), writable: false);
        }
        catch (UnauthorizedException e)
        {
            await _log.WriteLineAsync($"authorizer: Unauthorized reason={e.Reason} token={e.LogSafeToken ?? "(none)"}").ConfigureAwait(false);
            throw;
        }
        catch (AuthorizerConfigurationException e)
        {
            await _log.WriteLineAsync($"authorizer: configuration error: {LogSafe.Redact(e.Message)}").ConfigureAwait(false);
            throw;
        }
    }

    private static async ValueTask<TRequest> ReadAsync<TRequest>(Stream input, JsonTypeInfo<TRequest> type) where TRequest : class
    {
        try
        {
            // The Lambda runtime hands over the event as a MemoryStream: reading it never blocks, so it is read at once.
            var request = input is MemoryStream memory
                ? ReadMemory(memory, type)
                : await JsonSerializer.DeserializeAsync(input, type).ConfigureAwait(false);
            return request ?? throw new UnauthorizedException("event-null");
        }
        catch (JsonException e)
        {
            throw new UnauthorizedException("event-not-json", e);
        }
    }

    private static TRequest? ReadMemory<TRequest>(MemoryStream input, JsonTypeInfo<TRequest> type)
    {
        var length = checked((int)(input.Length - input.Position));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            input.ReadExactly(buffer, 0, length);
            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), type);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ValueTask<AuthorizerEngine> EngineAsync()
    {
        // A changed AUTH_* variable must be honoured, but re-parsing every invocation is costly: compare the raw
        // values (one lookup each) with those the current engine was built from.
        var current = _current;
        return current is not null && current.Matches(_environment)
            ? ValueTask.FromResult(current.Engine)
            : RebuildAsync();
    }

    private async ValueTask<AuthorizerEngine> RebuildAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var values = _lookup;
            for (var i = 0; i < values.Length; i++)
                values[i] = _environment(EnvironmentVariables.All[i]);
            if (_current is { } current && current.Matches(values))
                return current.Engine;
            var settings = AuthorizerSettings.FromEnvironment(_environment);
            var engine = await AuthorizerEngine.CreateAsync(settings, _http, _time, _log, CancellationToken.None).ConfigureAwait(false);
            _current = new Configured([.. values], engine);
            return engine;
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

    /// <summary>An engine and the raw variable values (in <see cref="EnvironmentVariables.All"/> order) it was built from.</summary>
    private sealed record Configured(string?[] Values, AuthorizerEngine Engine)
    {
        public bool Matches(Func<string, string?> environment)
        {
            var names = EnvironmentVariables.All;
            for (var i = 0; i < Values.Length; i++)
            {
                if (!string.Equals(Values[i], environment(names[i]), StringComparison.Ordinal))
                    return false;
            }
            return true;
        }

        public bool Matches(string?[] values) => Values.AsSpan().SequenceEqual(values);
    }
}
