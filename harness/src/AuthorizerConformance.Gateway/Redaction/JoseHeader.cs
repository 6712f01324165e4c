using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace AuthorizerConformance.Gateway;

/// <summary>Whether base64url text decodes to a JSON object: the test that makes a dotted run a token (<see cref="Redaction"/>).</summary>
internal static class JoseHeader
{
    /// <summary>Headers longer than this are judged by their first decoded character alone (redacting more, never less).</summary>
    private const int MaxDecodedChars = 16 * 1024;

    public static bool IsJsonObject(ReadOnlySpan<char> part, out bool encrypted)
    {
        encrypted = false;
        if (part.Length % 4 == 1)
            return false;
        var decoded = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(Math.Min(part.Length, MaxDecodedChars)));
        try
        {
            // A header too long to parse is judged by its start: a '{' there is enough to treat the run as a token.
            var window = part.Length > MaxDecodedChars ? part[..(MaxDecodedChars & ~3)] : part;
            if (Base64Url.DecodeFromChars(window, decoded, out _, out var written) != OperationStatus.Done)
                return false;
            var bytes = decoded.AsSpan(0, written);
            var first = bytes.IndexOfAnyExcept(" \t\r\n"u8);
            if (first < 0 || bytes[first] != (byte)'{')
                return false;
            if (window.Length < part.Length)
                return true;
            return Parse(bytes, out encrypted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    private static bool Parse(ReadOnlySpan<byte> json, out bool encrypted)
    {
        encrypted = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64, AllowTrailingCommas = false });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("enc"u8))
                    encrypted = true;
            }
            return reader.BytesConsumed == json.Length || json[(int)reader.BytesConsumed..].IndexOfAnyExcept(" \t\r\n"u8) < 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
