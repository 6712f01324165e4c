namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// The response stream a handler's result is written to. Keeps at most Lambda's response limit in memory and counts
/// the rest, so an oversized answer becomes Lambda's <c>Function.ResponseSizeTooLarge</c> error instead of a memory
/// problem (a serializer that wraps every exception cannot hide it: nothing is thrown).
/// </summary>
internal sealed class ResponseBuffer : Stream
{
    /// <summary>Lambda's synchronous response limit: 6 MiB + 100 bytes (the RIE's <c>6291556</c>).</summary>
    public const int MaxBytes = 6 * 1024 * 1024 + 100;

    private readonly MemoryStream _kept = new();

    /// <summary>Every byte written, kept or not.</summary>
    public override long Length => Written;

    public long Written { get; private set; }

    public bool Overflowed => Written > MaxBytes;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    public byte[] ToArray() => _kept.ToArray();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = (int)Math.Max(0, MaxBytes - Written);
        _kept.Write(buffer[..Math.Min(room, buffer.Length)]);
        Written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _kept.Dispose();
        base.Dispose(disposing);
    }
}
