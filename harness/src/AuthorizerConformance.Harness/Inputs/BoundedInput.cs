using System.Text;

namespace AuthorizerConformance.Harness.Inputs;

/// <summary>
/// The one bounded reader of text inputs (files, <c>-</c> for stdin): reads at most <c>maxBytes</c> and refuses more
/// while reading (so <c>/dev/zero</c> or an endless pipe costs at most the bound), decodes strict UTF-8 (bytes that are
/// not UTF-8 are an error, never U+FFFD) and drops one leading byte order mark, the same through a file or stdin.
/// Problems are <see cref="InputException"/>s whose message names the input; a caller turns them into its usage error.
/// </summary>
public static class BoundedInput
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the file at <paramref name="path"/> (<paramref name="what"/> names it in errors).</summary>
    public static string ReadFile(string path, int maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return ReadStream(stream, maxBytes, what);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{what}: cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end, refusing it once it passes <paramref name="maxBytes"/>.</summary>
    public static string ReadStream(Stream stream, int maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new InputException($"{what}: larger than the {maxBytes}-byte limit (docs/limits.md)");
            buffer.Write(chunk, 0, read);
        }
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), what);
    }

    /// <summary>Reads already-decoded text (a console) to its end, refusing it once it passes <paramref name="maxChars"/> characters.</summary>
    public static string ReadText(TextReader reader, int maxChars, string what)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = new StringBuilder();
        var chunk = new char[16384];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (text.Length + read > maxChars)
                throw new InputException($"{what}: larger than the {maxChars}-character limit (docs/limits.md)");
            text.Append(chunk, 0, read);
        }
        return StripBom(text.ToString());
    }

    /// <summary>
    /// The next line of <paramref name="reader"/> (without its end of line), or null at the end; a line longer than
    /// <paramref name="maxChars"/> is refused while reading. The first line loses a leading byte order mark.
    /// </summary>
    public static string? ReadLine(TextReader reader, int maxChars, string what, bool first)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
                return Finish(line, first);
            if (line.Length >= maxChars)
                throw new InputException($"{what}: a line longer than the {maxChars}-character limit (docs/limits.md)");
            line.Append((char)c);
        }
        return line.Length == 0 ? null : Finish(line, first);
    }

    private static string Finish(StringBuilder line, bool first)
    {
        if (line.Length > 0 && line[^1] == '\r')
            line.Length--;
        var text = line.ToString();
        return first ? StripBom(text) : text;
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    private static string Decode(ReadOnlySpan<byte> bytes, string what)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
            bytes = bytes[3..];
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException($"{what}: not UTF-8 text (a byte that is not UTF-8 at offset {e.Index})");
        }
    }
}
