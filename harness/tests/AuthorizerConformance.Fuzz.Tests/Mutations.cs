using System.Text;
using CsCheck;

namespace AuthorizerConformance.Fuzz.Tests;

/// <summary>
/// Generators of hostile inputs for the fuzz targets in the normal test run: arbitrary bytes, and corpus inputs with a
/// few mutations of the kinds AFL++ applies (byte flips, insertions, deletions, splices of tokens that parsers treat
/// specially). Not coverage-guided: the guided runs are the AFL++ runs of docs/fuzzing.md, whose finds join the corpus.
/// </summary>
internal static class Mutations
{
    private static readonly byte[][] Tokens = [.. new[]
    {
        "\"", "{", "}", "[", "]", ",", ":", "\\", "\\u0000", "\\ud800", "\\uDC00", "1e999", "-0", "NaN", "null", "true",
        "\r\n", "\r\n\r\n", "\n", " ", "*", "?", "$context.", "${context.", "${aws:username}", "eyJ", ".", "..", "%1F",
        "Content-Length: 99999999999\r\n", "Transfer-Encoding: chunked\r\n", "ffffffffffffffff\r\n", "0\r\n\r\n",
        "\"Version\":\"2012-10-17\"", "\"Statement\":[]", "\"Condition\":{\"StringLike\":{\"k\":\"a?a?*\"}}",
        "\"policyDocument\":", "\"context\":{\"a\":{}}", "\"atSeconds\":1e9", "\"startTime\":\"9999-12-31T23:59:59Z\"",
    }.Select(Encoding.UTF8.GetBytes), [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00]];

    /// <summary>Arbitrary bytes, up to <paramref name="max"/>.</summary>
    public static Gen<byte[]> Bytes(int max = 512) => Gen.Byte.Array[0, max];

    /// <summary>A corpus input of <paramref name="target"/> with one to eight mutations.</summary>
    public static Gen<byte[]> Of(string target)
    {
        var seeds = Corpus.Seeds(target);
        var edit = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, Tokens.Length - 1]);
        return Gen.Select(Gen.Int[0, seeds.Length - 1], edit.Array[1, 8]).Select((seed, edits) =>
        {
            var bytes = new List<byte>(seeds[seed]);
            foreach (var (op, where, value, token) in edits)
                Apply(bytes, op, where, value, token);
            return bytes.ToArray();
        });
    }

    private static void Apply(List<byte> bytes, int op, int where, byte value, int token)
    {
        var at = bytes.Count == 0 ? 0 : where % bytes.Count;
        switch (op)
        {
            case 0 when bytes.Count > 0:
                bytes[at] = value;
                break;
            case 1:
                bytes.Insert(at, value);
                break;
            case 2 when bytes.Count > 0:
                bytes.RemoveRange(at, Math.Min(1 + (value & 15), bytes.Count - at));
                break;
            case 3:
                bytes.InsertRange(at, Tokens[token]);
                break;
            case 4 when bytes.Count > 0:
                // Repeat a slice: long names, deep nesting, many headers.
                var length = Math.Min(1 + value, bytes.Count - at);
                var slice = bytes.GetRange(at, length);
                for (var i = 0; i < 1 + (token & 7); i++)
                    bytes.InsertRange(at, slice);
                break;
            default:
                break;
        }
    }
}
