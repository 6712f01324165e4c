namespace AuthorizerConformance.Authorizer;

/// <summary>
/// JSON that escapes half of a UTF-16 surrogate pair on its own (<c>"\ud800"</c>) is valid JSON but not text, and
/// System.Text.Json throws when it reads such a string. Untrusted documents (tokens, JWKS) are checked first.
/// </summary>
internal static class JsonEscapes
{
    // Outside strings valid JSON has no backslash, so the whole document is scanned at once: an escaped high surrogate
    // must be followed at once by an escaped low one, and a low one must follow a high one.
    public static bool HasUnpairedSurrogate(ReadOnlySpan<byte> json)
    {
        var at = json.IndexOf((byte)'\\');
        if (at < 0)
            return false;
        var highPending = false;
        for (var i = at; i < json.Length; i++)
        {
            var isUnicodeEscape = json[i] == '\\' && i + 5 < json.Length && json[i + 1] == 'u';
            if (!isUnicodeEscape)
            {
                if (highPending)
                    return true;
                if (json[i] == '\\')
                    i++;
                continue;
            }
            if (!System.Buffers.Text.Utf8Parser.TryParse(json.Slice(i + 2, 4), out ushort unit, out var used, 'x') || used != 4)
                return true;
            if (highPending != (unit is >= 0xDC00 and <= 0xDFFF))
                return true;
            highPending = unit is >= 0xD800 and <= 0xDBFF;
            i += 5;
        }
        return highPending;
    }
}
