using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace AuthorizerConformance.Policy;

/// <summary>
/// Finds the strings and member names of a JSON document that are not text. JSON may escape half of a UTF-16 surrogate
/// pair on its own (<c>"\ud800"</c>): the document is valid, but System.Text.Json throws when such a string is read. A
/// reader of untrusted JSON (a policy, an authorizer's output, a scenario file, a line of input) checks the document
/// once, before anything reads a string, and reports the path instead of failing with an exception.
/// </summary>
public static class JsonTextCheck
{
    /// <summary>The message for a string or member name that is not text.</summary>
    public const string NotText = "holds an escaped UTF-16 surrogate without its pair (\\uD800–\\uDFFF), which is not text";

    /// <summary>The message for a member name that is not text (reported at the path of its object).</summary>
    public const string NameNotText = "a member name " + NotText;

    /// <summary>The first string or member name that is not text, or null when the whole document is text.</summary>
    public static PolicyError? FirstNonText(JsonElement element, string path = "") => Find(element, path).FirstOrDefault();

    /// <summary>
    /// Every string and member name that is not text, in document order, with its path (<c>a.b[0].c</c> below
    /// <paramref name="path"/>) and <see cref="NotText"/> or, for a member name (at its object's path),
    /// <see cref="NameNotText"/>.
    /// </summary>
    public static IEnumerable<PolicyError> Find(JsonElement element, string path = "") =>
        AllText(element) ? [] : Paths(element, path);

    // The common case first, without building a path per element: is everything text?
    private static bool AllText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return !HasLoneSurrogate(JsonMarshal.GetRawUtf8Value(element));
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (HasLoneSurrogate(JsonMarshal.GetRawUtf8PropertyName(property)) || !AllText(property.Value))
                        return false;
                }
                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!AllText(item))
                        return false;
                }
                return true;
            default:
                return true;
        }
    }

    private static IEnumerable<PolicyError> Paths(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when HasLoneSurrogate(JsonMarshal.GetRawUtf8Value(element)):
                yield return new PolicyError(path, NotText);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (HasLoneSurrogate(JsonMarshal.GetRawUtf8PropertyName(property)))
                    {
                        yield return new PolicyError(path, NameNotText);
                        continue;
                    }
                    foreach (var inner in Paths(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}"))
                        yield return inner;
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Paths(item, $"{path}[{i}]"))
                        yield return inner;
                    i++;
                }
                break;
        }
    }

    // raw: a string token as written, escapes included. True for a \uD800–\uDBFF not followed by a \uDC00–\uDFFF, or a
    // \uDC00–\uDFFF not preceded by one. (Unescaped characters are UTF-8 the reader has already validated.)
    private static bool HasLoneSurrogate(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0)
            return false;
        var pendingHigh = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                if (pendingHigh)
                    return true;
                continue;
            }
            if (i + 5 < raw.Length && raw[i + 1] == 'u' &&
                Utf8Parser.TryParse(raw.Slice(i + 2, 4), out ushort unit, out var consumed, 'x') && consumed == 4)
            {
                var low = unit is >= 0xDC00 and <= 0xDFFF;
                if (pendingHigh != low)
                    return true;
                pendingHigh = unit is >= 0xD800 and <= 0xDBFF;
                i += 5;
                continue;
            }
            if (pendingHigh)
                return true;
            i++;
        }
        return pendingHigh;
    }
}
