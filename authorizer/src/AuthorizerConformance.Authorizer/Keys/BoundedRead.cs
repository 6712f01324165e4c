using System.Buffers;

namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Reads a key document (AUTH_JWKS_FILE, a JWKS or discovery body) to its end, stopping as soon as it passes the bound,
/// so an endless source (<c>/dev/zero</c>, a chunked body without Content-Length) costs at most the bound (issue 16
/// defects 12 and 13). The harness's <c>BoundedInput</c> does the same for its inputs; the authorizer may not reference it.
/// </summary>
internal static class BoundedRead
{
    /// <summary>Every key document: 1 MiB (a JWKS of a hundred RSA-4096 keys is under 100 KB).</summary>
    public const int MaxDocumentBytes = 1 << 20;

    /// <summary>The bytes of <paramref name="stream"/>, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920); // not a new 80 KB array for every document read
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The bytes of the file at <paramref name="path"/>, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadFile(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return ReadAsync(stream, maxBytes, CancellationToken.None).GetAwaiter().GetResult();
    }
}
