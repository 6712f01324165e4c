using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Targets.Deployed;

namespace AuthorizerConformance.Harness.Recording;

/// <summary>
/// How a recording is made comparable and safe: every text goes through the one redaction routine
/// (<see cref="Redaction"/>) first; then the volatile fields of a named allow-list are removed — response headers
/// (<see cref="StageSnapshot.VolatileHeaders"/>: dates, request and trace ids, CDN and connection headers, length) and
/// JSON members anywhere in an event or integration context (<see cref="VolatileMembers"/>: request ids, times,
/// latencies). A request or event is matched on replay by a <see cref="Fingerprint"/>: a SHA-256 over its redacted,
/// normalised text in which every token is masked whole, so nothing of a token — not even what redaction keeps of it —
/// is stored, and nothing can be recovered from the fingerprint.
/// </summary>
public static partial class RecordingNormalizer
{
    /// <summary>What a masked token becomes inside a fingerprinted text.</summary>
    public const string TokenMask = "<token>";

    /// <summary>JSON members that differ on every request (removed wherever they appear in an event or a context).</summary>
    public static IReadOnlySet<string> VolatileMembers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "requestId", "extendedRequestId", "requestTime", "requestTimeEpoch", "timeEpoch", "time", "connectedAt",
        "integrationLatency", "latency", "responseLatency", "date", "traceId", "xrayTraceId",
    };

    /// <summary>Response headers without the volatile ones, names lower-cased, sorted by name.</summary>
    public static SortedDictionary<string, string> Headers(IEnumerable<KeyValuePair<string, string>> headers, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers.Where(h => !StageSnapshot.VolatileHeaders.Contains(h.Key)))
        {
            var key = name.ToLowerInvariant();
            var redacted = Redaction.Redact(value, secrets);
            kept[key] = kept.TryGetValue(key, out var earlier) ? earlier + ", " + redacted : redacted;
        }
        return kept;
    }

    /// <summary>
    /// <paramref name="json"/> redacted, with the volatile members removed (JSON), or just redacted when it is not JSON.
    /// </summary>
    public static string Json(string json, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(json);
        var redacted = Redaction.Redact(json, secrets);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(redacted);
        }
        catch (System.Text.Json.JsonException)
        {
            return redacted;
        }
        if (node is null)
            return redacted;
        Strip(node);
        return node.ToJsonString();
    }

    /// <summary>The fingerprint of a text: <c>sha256:</c> and the hex digest of it redacted, normalised and with every token masked.</summary>
    public static string Fingerprint(string text, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = Masked(Json(text, secrets));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(masked)));
    }

    /// <summary>Masks what redaction left of a token (its header and payload) and a value redacted whole, so the text no longer depends on the run's keys.</summary>
    public static string Masked(string redacted) =>
        RedactedToken().Replace(redacted.Replace(Redaction.ValueMarker, TokenMask, StringComparison.Ordinal), TokenMask);

    private static void Strip(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(VolatileMembers.Contains).ToList())
                    obj.Remove(name);
                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>())
                    Strip(child);
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                    Strip(child);
                break;
        }
    }

    // A structurally redacted JWS/JWE: base64url parts, dots, and the marker where what verifies it was.
    [GeneratedRegex(@"[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]*)*\." + Redaction.Marker + @"(\.[A-Za-z0-9_\-]*)*")]
    private static partial Regex RedactedToken();
}
