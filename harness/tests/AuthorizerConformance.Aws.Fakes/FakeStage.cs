using AuthorizerConformance.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AuthorizerConformance.Aws.Fakes;

/// <summary>
/// A local stand-in for a deployed stage: the emulated API Gateway (<see cref="ApiGateway"/>) served over HTTP on
/// 127.0.0.1, at <c>{Url}/{path}</c> like an invoke URL <c>https://{apiId}.execute-api.{region}.amazonaws.com/{stage}</c>.
/// Statuses, headers and bodies are the emulation's; the stage's cache runs on its clock. Requests are handled one at
/// a time (one stage).
/// </summary>
public sealed class FakeStage : IAsyncDisposable
{
    private readonly ApiGateway _gateway;
    private readonly string _stage;
    private readonly SemaphoreSlim _gate = new(1);
    private LoopbackServer? _server;

    /// <summary>Serves <paramref name="gateway"/> under the path prefix <c>/<paramref name="stage"/></c>.</summary>
    public FakeStage(ApiGateway gateway, string stage)
    {
        _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        _stage = stage ?? throw new ArgumentNullException(nameof(stage));
    }

    /// <summary>The invoke URL, e.g. <c>http://127.0.0.1:41234/prod</c>.</summary>
    public Uri Url => new(_server?.Address ?? throw new InvalidOperationException("The fake stage is not started."), Uri.EscapeDataString(_stage));

    /// <summary>Every request the stage answered, with the emulation's full account of it.</summary>
    public List<GatewayResult> Results { get; } = [];

    /// <summary>Starts listening on 127.0.0.1 and an ephemeral port.</summary>
    public async Task<FakeStage> StartAsync()
    {
        _server ??= await LoopbackServer.StartAsync(HandleAsync).ConfigureAwait(false);
        return this;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = Uri.UnescapeDataString(raw.Split('?')[0]);
        var query = raw.Contains('?', StringComparison.Ordinal) ? raw[(raw.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var prefix = "/" + _stage;
        if (!(path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal)))
        {
            // What an invoke URL without the stage answers.
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/json";
            context.Response.Headers["x-amzn-ErrorType"] = "MissingAuthenticationTokenException";
            await context.Response.WriteAsync("{\"message\":\"Missing Authentication Token\"}").ConfigureAwait(false);
            return;
        }
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new ClientRequest
        {
            Method = context.Request.Method,
            Path = path.Length == prefix.Length ? "/" : path[prefix.Length..],
            Query = query,
            Headers = [.. context.Request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? "")))],
            Body = body.Length == 0 ? null : body,
            SourceIp = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
        };
        GatewayResult result;
        await _gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            result = await _gateway.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
            Results.Add(result);
        }
        finally
        {
            _gate.Release();
        }
        context.Response.StatusCode = result.Status == 101 ? 200 : result.Status;
        foreach (var (name, value) in result.Headers)
            context.Response.Headers[name] = value;
        await context.Response.WriteAsync(result.Body).ConfigureAwait(false);
    }
}
