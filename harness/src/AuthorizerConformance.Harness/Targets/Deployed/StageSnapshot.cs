using System.Text.Json;

namespace AuthorizerConformance.Harness.Targets.Deployed;

/// <summary>
/// A normalised record of what a stage answered, for record and replay: the volatile fields (<see cref="VolatileHeaders"/>,
/// a named allow-list) removed, header names lower-cased and sorted. Two snapshots are compared member by member and
/// every difference is listed, not the first.
/// </summary>
public sealed record StageSnapshot(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    /// <summary>Headers that differ on every answer (request and trace ids, dates, CDN and connection details).</summary>
    public static IReadOnlySet<string> VolatileHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "date", "x-amzn-requestid", "x-amz-apigw-id", "x-amzn-trace-id", "x-amz-cf-id", "x-amz-cf-pop", "via", "x-cache",
        "connection", "keep-alive", "server", "content-length", "transfer-encoding", "apigw-requestid",
    };

    /// <summary>The snapshot of <paramref name="response"/>.</summary>
    public static StageSnapshot Of(StageResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers.Where(h => !VolatileHeaders.Contains(h.Key))
            .Select(h => KeyValuePair.Create(h.Key.ToLowerInvariant(), h.Value))
            .OrderBy(h => h.Key, StringComparer.Ordinal).ThenBy(h => h.Value, StringComparer.Ordinal).ToList();
        return new StageSnapshot(response.Status, headers, response.Body);
    }

    /// <summary>Every difference between <paramref name="expected"/> and <paramref name="actual"/>, as lines for people.</summary>
    public static IReadOnlyList<string> Differences(StageSnapshot expected, StageSnapshot actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var differences = new List<string>();
        if (expected.Status != actual.Status)
            differences.Add($"status: expected {expected.Status}, got {actual.Status}");
        var names = expected.Headers.Select(h => h.Key).Union(actual.Headers.Select(h => h.Key)).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var e = string.Join(", ", expected.Headers.Where(h => h.Key == name).Select(h => h.Value));
            var a = string.Join(", ", actual.Headers.Where(h => h.Key == name).Select(h => h.Value));
            if (e != a)
                differences.Add($"header {name}: expected {(e.Length == 0 ? "(absent)" : e)}, got {(a.Length == 0 ? "(absent)" : a)}");
        }
        if (expected.Body != actual.Body)
            differences.Add($"body: expected {JsonSerializer.Serialize(expected.Body)}, got {JsonSerializer.Serialize(actual.Body)}");
        return differences;
    }
}
