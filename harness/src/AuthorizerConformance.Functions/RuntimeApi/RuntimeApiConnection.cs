using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// One HTTP/1.1 connection from a function's runtime to its Runtime API: reads requests within
/// <see cref="RuntimeApiLimits"/> (header size and count, body size, time) and writes answers. Keep-alive, Content-Length
/// and chunked bodies, <c>Expect: 100-continue</c>; anything else is a clear 4xx and the connection closes.
/// </summary>
internal sealed partial class RuntimeApiConnection : IDisposable
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;
    private static ReadOnlySpan<byte> Continue => "HTTP/1.1 100 Continue\r\n\r\n"u8;

    private readonly Socket _socket;
    private readonly RuntimeApiLimits _limits;
    private const int MaxKeptSendBuffer = 64 * 1024;

    private readonly byte[] _buffer;
    private readonly StringBuilder _head = new(512);
    private byte[] _send = [];
    private int _start;
    private int _end;

    public RuntimeApiConnection(Socket socket, RuntimeApiLimits limits)
    {
        _socket = socket;
        _limits = limits;
        _buffer = new byte[Math.Max(limits.MaxHeaderBytes, 1024)];
    }

    /// <summary>Reads the next request; null when the runtime closed the connection between requests.</summary>
    /// <exception cref="RuntimeApiProtocolException">The request broke HTTP or a bound; its <see cref="RuntimeApiProtocolException.Reply"/> is sent before closing.</exception>
    public async ValueTask<RuntimeApiRequest?> ReadAsync(CancellationToken stopping)
    {
        if (_start == _end && !await ReceiveAsync(stopping).ConfigureAwait(false))
            return null;
        // The read timer starts now but is only armed when the request is not all in the buffer already (the usual
        // case: the bootstrap sends its answer and the next GET /next together), so most requests cost no timer.
        using var deadline = new ReadDeadline(stopping, _limits.RequestReadTimeout);
        try
        {
            return await ReadRequestAsync(deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            throw Fault(408, "RequestTimeout", $"the request did not arrive completely within {_limits.RequestReadTimeout.TotalSeconds:0.###} s");
        }
        catch (SocketException e)
        {
            throw Truncated($"the connection failed: {e.SocketErrorCode}");
        }
    }

    private async ValueTask<RuntimeApiRequest> ReadRequestAsync(ReadDeadline deadline)
    {
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf(HeaderEnd)) < 0)
        {
            if (_end - _start >= _buffer.Length)
                throw Fault(431, "RequestHeaderFieldsTooLarge", $"the request line and headers exceed {_limits.MaxHeaderBytes} bytes");
            if (!await ReceiveAsync(deadline.Token).ConfigureAwait(false))
                throw Truncated("the connection closed inside the request headers");
        }
        var head = Encoding.Latin1.GetString(_buffer, _start, headerEnd);
        _start += headerEnd + HeaderEnd.Length;
        var (method, path, headers) = ParseHead(head);
        var request = new RuntimeApiRequest(method, path, headers, [], 0) { PeerClosed = PeerClosed };
        var chunked = BodyFraming(request, out var contentLength);
        if (string.Equals(request.Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
        {
            if (contentLength > _limits.MaxDrainBytes)
                throw Fault(413, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({_limits.MaxPayloadBytes} bytes).");
            await _socket.SendAsync(Continue.ToArray(), deadline.Token).ConfigureAwait(false);
        }
        try
        {
            return chunked
                ? await ReadChunkedAsync(request, deadline).ConfigureAwait(false)
                : await ReadSizedAsync(request, contentLength, deadline).ConfigureAwait(false);
        }
        catch (RuntimeApiProtocolException e) when (e.Request is null)
        {
            throw new RuntimeApiProtocolException(e.Message, e.Reply) { Request = request };
        }
    }

    private (string Method, string Path, List<KeyValuePair<string, string>> Headers) ParseHead(string head)
    {
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[0].Length == 0 || !requestLine[1].StartsWith('/') || requestLine[2] is not ("HTTP/1.1" or "HTTP/1.0"))
            throw Fault(400, "InvalidRequest", $"not an HTTP/1.1 request line: \"{Printable(lines[0])}\"");
        if (lines.Length - 1 > _limits.MaxHeaderCount)
            throw Fault(431, "RequestHeaderFieldsTooLarge", $"{lines.Length - 1} header fields; at most {_limits.MaxHeaderCount}");
        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.AsSpan(0, colon).ContainsAny(" \t"))
                throw Fault(400, "InvalidRequest", $"not an HTTP header field: \"{Printable(line)}\"");
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
        }
        if (requestLine[2] == "HTTP/1.0")
            headers.Add(new("Connection", "close"));
        return (requestLine[0], requestLine[1], headers);
    }

    /// <summary>RFC 9112 §6: chunked wins; otherwise one Content-Length of digits; otherwise no body.</summary>
    private bool BodyFraming(RuntimeApiRequest request, out long contentLength)
    {
        contentLength = 0;
        if (request.Header("Transfer-Encoding") is { } encoding)
        {
            return string.Equals(encoding, "chunked", StringComparison.OrdinalIgnoreCase)
                ? true
                : throw Fault(400, "InvalidRequest", $"Transfer-Encoding \"{Printable(encoding)}\" is not supported; send chunked or a Content-Length");
        }
        List<string>? lengths = null;
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase) && lengths?.Contains(value) != true)
                (lengths ??= new(1)).Add(value);
        }
        if (lengths is null)
            return false;
        if (lengths.Count > 1 || lengths[0].Length is 0 or > 18 || !lengths[0].All(char.IsAsciiDigit))
            throw Fault(400, "InvalidRequest", $"Content-Length \"{Printable(string.Join(", ", lengths))}\" is not one number");
        contentLength = long.Parse(lengths[0], System.Globalization.CultureInfo.InvariantCulture);
        return false;
    }

    /// <summary>Sends <paramref name="response"/> with its status line, length and headers.</summary>
    public async ValueTask WriteAsync(RuntimeApiResponse response, CancellationToken cancellationToken)
    {
        // One answer at a time per connection (the serving loop awaits each), so the head's builder and the send buffer
        // are the connection's own and reused: an invocation's two answers allocate nothing here.
        var head = _head.Clear()
            .Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(response.Reason).Append("\r\n")
            .Append("Content-Type: application/json\r\nContent-Length: ").Append(response.Body.Length).Append("\r\n");
        foreach (var (name, value) in response.Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (response.Close)
            head.Append("Connection: close\r\n");
        head.Append("\r\n");
        var length = head.Length + response.Body.Length; // Latin-1: one byte per char
        var bytes = length <= _send.Length ? _send : new byte[length];
        if (length <= MaxKeptSendBuffer)
            _send = bytes;
        var written = 0;
        foreach (var chunk in head.GetChunks())
            written += Encoding.Latin1.GetBytes(chunk.Span, bytes.AsSpan(written));
        response.Body.Span.CopyTo(bytes.AsSpan(written));
        await _socket.SendAsync(bytes.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes after an error answer without losing it: Linux resets a connection closed with unread input, and the
    /// reset can overtake the answer. So: stop sending, then drop what still comes (bounded in bytes and time).
    /// </summary>
    public async ValueTask LingerAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            using var timer = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            long dropped = 0;
            int read;
            while (dropped < _limits.MaxDrainBytes && (read = await _socket.ReceiveAsync(_buffer, SocketFlags.None, timer.Token).ConfigureAwait(false)) > 0)
                dropped += read;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Closing anyway.
        }
    }

    /// <summary>The peer closed the connection: readable, with nothing to read.</summary>
    private bool PeerClosed()
    {
        try
        {
            return _start == _end && _socket.Poll(0, SelectMode.SelectRead) && _socket.Available == 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    public void Dispose() => _socket.Dispose();

    internal static string Printable(string text) =>
        new(text.Take(120).Select(c => c is >= ' ' and < '\x7f' ? c : '?').ToArray());

    /// <summary>
    /// <see cref="RuntimeApiLimits.RequestReadTimeout"/> for one request, counted from its first byte; the timer behind
    /// <see cref="Token"/> is only created when the read has to wait for the socket.
    /// </summary>
    private sealed class ReadDeadline(CancellationToken stopping, TimeSpan timeout) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private CancellationTokenSource? _timer;

        public CancellationToken Token
        {
            get
            {
                if (_timer is null)
                {
                    _timer = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    var left = timeout - Stopwatch.GetElapsedTime(_started);
                    if (left > TimeSpan.Zero)
                        _timer.CancelAfter(left);
                    else
                        _timer.Cancel();
                }
                return _timer.Token;
            }
        }

        public void Dispose() => _timer?.Dispose();
    }

    private RuntimeApiProtocolException Fault(int status, string type, string message) =>
        new(message, RuntimeApiResponse.Error(status, type, message, close: true));

    private static RuntimeApiProtocolException Truncated(string message) => new(message, (RuntimeApiResponse?)null);
}
