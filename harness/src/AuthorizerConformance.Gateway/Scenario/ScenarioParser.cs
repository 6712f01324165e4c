using AuthorizerConformance.Policy;
using System.Globalization;
using System.Text.Json;

namespace AuthorizerConformance.Gateway.Scenarios;

/// <summary>
/// The validating parser of scenario files (<c>authz simulate</c>). Strict: unknown members, wrong types and
/// values AWS would refuse are errors naming their JSON path, e.g. <c>authorizers.A.resultTtlInSeconds: must be
/// between 0 and 3600</c>.
/// </summary>
public static partial class ScenarioParser
{
    // Comments and trailing commas allowed (hand-written files); a member name twice in one object is an error (issue 16).
    private static readonly JsonDocumentOptions DocumentOptions = StrictJson.Relaxed;

    /// <summary>Parses scenario text.</summary>
    public static ScenarioParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = StrictJson.Parse(json, DocumentOptions);
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            return ScenarioParseResult.Failed(new ScenarioError(e.Path is { Length: > 1 } at ? at.TrimStart('$', '.') : "", $"not valid JSON {StrictJson.Describe(e)}"));
        }
    }

    /// <summary>Parses a scenario already read as JSON.</summary>
    public static ScenarioParseResult Parse(JsonElement root)
    {
        // A string that is not text would throw where it is read; report where it is instead.
        if (JsonTextCheck.FirstNonText(root) is { } notText)
            return ScenarioParseResult.Failed(new ScenarioError(notText.Path, notText.Message));
        try
        {
            Json.Object(root, "", "api", "authorizers", "requests", "startTime", "comment");
            // "comment": free text for people (a reproduction says what it replays against); never read otherwise.
            if (Json.Has(root, "comment", out var comment) && comment.ValueKind != JsonValueKind.String)
                throw new ScenarioFormatException("comment", $"must be a string, found {Json.Kind(comment)}");
            if (!Json.Has(root, "api", out var apiElement))
                throw new ScenarioFormatException("api", "is required");
            var type = ReadApiType(apiElement);
            var authorizers = ReadAuthorizers(root, type);
            var api = ReadApi(apiElement, type, authorizers);
            var startTime = ReadStartTime(root);
            return ScenarioParseResult.Valid(new Scenario
            {
                Api = api,
                Authorizers = authorizers,
                Requests = ReadRequests(root, type, startTime),
                StartTime = startTime,
            });
        }
        catch (ScenarioFormatException e)
        {
            return ScenarioParseResult.Failed(new ScenarioError(e.Path, e.Message));
        }
    }

    private static DateTimeOffset? ReadStartTime(JsonElement root)
    {
        var text = Json.String(root, "", "startTime");
        if (text is null)
            return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? start
            : throw new ScenarioFormatException("startTime", "must be an ISO-8601 date-time such as 2026-01-01T00:00:00Z");
    }

    private static List<ScenarioRequest> ReadRequests(JsonElement root, ApiType type, DateTimeOffset? start)
    {
        if (!Json.Has(root, "requests", out var array))
            throw new ScenarioFormatException("requests", "is required");
        if (array.ValueKind != JsonValueKind.Array)
            throw new ScenarioFormatException("requests", $"must be an array, found {Json.Kind(array)}");
        var requests = new List<ScenarioRequest>();
        var at = 0.0;
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = Json.Index("requests", i++);
            Json.Object(item, path, "method", "path", "query", "headers", "body", "sourceIp", "atSeconds");
            var method = Json.String(item, path, "method", required: true)!;
            if (method.Length == 0 || !method.All(char.IsAsciiLetter))
                throw new ScenarioFormatException(Json.Child(path, "method"), $"must be an HTTP verb, found \"{method}\"");
            if (type == ApiType.WebSocket && !string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
                throw new ScenarioFormatException(Json.Child(path, "method"), "a WebSocket $connect handshake is a GET");
            var requestPath = Json.String(item, path, "path", required: true)!;
            if (!requestPath.StartsWith('/'))
                throw new ScenarioFormatException(Json.Child(path, "path"), "must start with /");
            var next = Json.Number(item, path, "atSeconds", 0, 1e9) ?? at;
            // atSeconds omitted means the same time as the previous request; time never runs backwards.
            if (next < at)
                throw new ScenarioFormatException(Json.Child(path, "atSeconds"),
                    string.Create(CultureInfo.InvariantCulture, $"must not be earlier than the previous request's {at}"));
            at = next;
            // Issue 16 defect 8: the scenario clock must stay inside the calendar (year 9999).
            if (start is { } s && DateTimeOffset.MaxValue - s < TimeSpan.FromSeconds(at))
                throw new ScenarioFormatException(Json.Child(path, "atSeconds"), "puts the request past the end of year 9999 (startTime + atSeconds)");
            var request = new ClientRequest
            {
                Method = method.ToUpperInvariant(),
                Path = requestPath,
                Query = (Json.String(item, path, "query") ?? "").TrimStart('?'),
                Headers = ReadHeaders(item, path),
                Body = Json.String(item, path, "body"),
                SourceIp = ReadSourceIp(item, path),
            };
            requests.Add(new ScenarioRequest(request, TimeSpan.FromSeconds(at)));
        }
        return requests;
    }

    /// <summary>Defect 5 of issue 16: the client address is a canonical IPv4 dotted quad or IPv6 (what API Gateway reports).</summary>
    private static string ReadSourceIp(JsonElement item, string path)
    {
        var text = Json.String(item, path, "sourceIp");
        if (text is null)
            return "203.0.113.1";
        return IpAddressText.TryParseAddress(text, out _) ? text
            : throw new ScenarioFormatException(Json.Child(path, "sourceIp"),
                $"must be an IPv4 address as a dotted quad without leading zeros, or an IPv6 address, found \"{text}\"");
    }

    /// <summary>Headers: a value is a string, or an array of strings for a header sent more than once.</summary>
    private static List<KeyValuePair<string, string>> ReadHeaders(JsonElement item, string path)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (!Json.Has(item, "headers", out var element))
            return headers;
        var at = Json.Child(path, "headers");
        foreach (var property in Json.Object(element, at).EnumerateObject())
        {
            var p = Json.Child(at, property.Name);
            if (property.Value.ValueKind == JsonValueKind.String)
                headers.Add(new(property.Name, property.Value.GetString()!));
            else if (property.Value.ValueKind == JsonValueKind.Array)
                headers.AddRange(Json.StringArray(property.Value, p).Select(v => new KeyValuePair<string, string>(property.Name, v)));
            else
                throw new ScenarioFormatException(p, $"must be a string or an array of strings, found {Json.Kind(property.Value)}");
        }
        return headers;
    }
}
