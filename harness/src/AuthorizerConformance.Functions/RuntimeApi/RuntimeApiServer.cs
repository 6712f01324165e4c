using System.Net;
using System.Net.Sockets;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// The Runtime API of one execution environment: a small HTTP/1.1 server on 127.0.0.1 at an ephemeral port (the
/// value of <c>AWS_LAMBDA_RUNTIME_API</c>). One listener per process, so every request on it comes from that process.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly IRuntimeApiHandler _handler;
    private readonly RuntimeApiLimits _limits;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _connections;

    public RuntimeApiServer(IRuntimeApiHandler handler, RuntimeApiLimits limits)
    {
        _handler = handler;
        _limits = limits;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(limits.MaxConnections);
        Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";
        _accepting = AcceptAsync();
    }

    /// <summary><c>host:port</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> carries it (no scheme).</summary>
    public string Address { get; }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (Interlocked.Increment(ref _connections) > _limits.MaxConnections)
            {
                Interlocked.Decrement(ref _connections);
                socket.Dispose();
                _handler.OnProtocolFault(new RuntimeApiProtocolException($"more than {_limits.MaxConnections} connections at once; the new one was closed", (RuntimeApiResponse?)null));
                continue;
            }
            socket.NoDelay = true;
            _ = ServeAsync(new RuntimeApiConnection(socket, _limits));
        }
    }

    private async Task ServeAsync(RuntimeApiConnection connection)
    {
        using var _ = connection;
        var stopping = _stopping.Token;
        try
        {
            while (await connection.ReadAsync(stopping).ConfigureAwait(false) is { } request)
            {
                var response = await _handler.HandleAsync(request, stopping).ConfigureAwait(false);
                var close = response.Close || connection.MustClose
                    || string.Equals(request.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
                await connection.WriteAsync(close ? response with { Close = true } : response, stopping).ConfigureAwait(false);
                if (close)
                    return;
            }
        }
        catch (RuntimeApiProtocolException fault)
        {
            _handler.OnProtocolFault(fault);
            if (fault.Reply is { } reply)
                await TryWriteAsync(connection, reply, stopping).ConfigureAwait(false);
            await connection.LingerAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The process went away or the environment is stopping: nothing to answer.
        }
#pragma warning disable CA1031 // A bug of this host must not vanish as an unobserved task: it is the invocation's log line.
        catch (Exception e)
        {
            _handler.OnProtocolFault(new RuntimeApiProtocolException($"internal error of the Runtime API host: {e.GetType().Name}: {e.Message}",
                RuntimeApiResponse.Error(500, "InternalServerError", "Internal Server Error", close: true)));
        }
#pragma warning restore CA1031
        finally
        {
            Interlocked.Decrement(ref _connections);
        }
    }

    private static async Task TryWriteAsync(RuntimeApiConnection connection, RuntimeApiResponse reply, CancellationToken cancellationToken)
    {
        try
        {
            await connection.WriteAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The runtime is gone already.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        // _stopping is not disposed: connection loops still finishing hold its token.
    }
}
