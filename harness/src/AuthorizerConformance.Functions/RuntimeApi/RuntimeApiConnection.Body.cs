using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AuthorizerConformance.Functions.RuntimeApi;

internal sealed partial class RuntimeApiConnection
{
    private const int MaxChunkLine = 1024;

    /// <summary>True once a body too large to drain was left unread: the connection closes after the answer.</summary>
    public bool MustClose { get; private set; }

    private async ValueTask<RuntimeApiRequest> ReadSizedAsync(RuntimeApiRequest request, long length, ReadDeadline deadline)
    {
        if (length <= _limits.MaxPayloadBytes)
        {
            var body = new byte[length];
            await CopyAsync(body, length, deadline).ConfigureAwait(false);
            return request with { Body = body, BodyLength = length };
        }
        if (length <= _limits.MaxDrainBytes)
            await CopyAsync(null, length, deadline).ConfigureAwait(false);
        else
            MustClose = true;
        return request with { Body = null, BodyLength = length };
    }

    private async ValueTask<RuntimeApiRequest> ReadChunkedAsync(RuntimeApiRequest request, ReadDeadline deadline)
    {
        using var body = new MemoryStream();
        long total = 0;
        while (true)
        {
            var line = await ReadLineAsync(deadline).ConfigureAwait(false);
            var sizeText = line.Split(';', 2)[0].Trim();
            if (sizeText.Length is 0 or > 15 || !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
                throw Fault(400, "InvalidRequest", $"not a chunk size: \"{Printable(line)}\"");
            if (size == 0)
                break;
            total += size;
            if (total > _limits.MaxDrainBytes)
            {
                MustClose = true;
                return request with { Body = null, BodyLength = total, BodyLengthIsLowerBound = true };
            }
            var keep = total <= _limits.MaxPayloadBytes;
            var chunk = keep ? new byte[size] : null;
            await CopyAsync(chunk, size, deadline).ConfigureAwait(false);
            if (chunk is not null)
                body.Write(chunk);
            if ((await ReadLineAsync(deadline).ConfigureAwait(false)).Length != 0)
                throw Fault(400, "InvalidRequest", "a chunk is longer than its size says");
        }
        while ((await ReadLineAsync(deadline).ConfigureAwait(false)).Length != 0)
        {
            // Trailer fields: read and ignored (streaming error trailers are not part of this host).
        }
        return total <= _limits.MaxPayloadBytes
            ? request with { Body = body.ToArray(), BodyLength = total }
            : request with { Body = null, BodyLength = total };
    }

    private async ValueTask<string> ReadLineAsync(ReadDeadline deadline)
    {
        int end;
        while ((end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            if (_end - _start >= MaxChunkLine)
                throw Fault(400, "InvalidRequest", $"a chunk line longer than {MaxChunkLine} bytes");
            if (!await ReceiveAsync(deadline.Token).ConfigureAwait(false))
                throw Truncated("the connection closed inside a chunked body");
        }
        var line = Encoding.Latin1.GetString(_buffer, _start, end);
        _start += end + 2;
        return line;
    }

    /// <summary>Moves <paramref name="count"/> body bytes into <paramref name="destination"/> (or drops them when null).</summary>
    private async ValueTask CopyAsync(byte[]? destination, long count, ReadDeadline deadline)
    {
        long done = 0;
        var buffered = (int)Math.Min(count, _end - _start);
        if (destination is not null)
            _buffer.AsSpan(_start, buffered).CopyTo(destination);
        _start += buffered;
        done += buffered;
        while (done < count)
        {
            int received;
            if (destination is not null)
            {
                received = await _socket.ReceiveAsync(destination.AsMemory((int)done), SocketFlags.None, deadline.Token).ConfigureAwait(false);
            }
            else
            {
                _start = _end = 0;
                received = await _socket.ReceiveAsync(_buffer.AsMemory(0, (int)Math.Min(_buffer.Length, count - done)), SocketFlags.None, deadline.Token).ConfigureAwait(false);
            }
            if (received == 0)
                throw new RuntimeApiProtocolException($"the connection closed after {done} of {count} body bytes",
                    RuntimeApiResponse.Error(400, "TruncatedHTTPRequest", $"the body ended after {done} of {count} bytes", close: true));
            done += received;
        }
    }

    /// <summary>Appends what the socket has to the buffer (compacting it first); false at the end of the stream.</summary>
    private async ValueTask<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
            return true;
        var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        _end += received;
        return received > 0;
    }
}
