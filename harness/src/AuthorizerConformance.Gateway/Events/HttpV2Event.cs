using System.Text.Json;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// HTTP-4: the HTTP API payload 2.0 event. Identity values are a list; repeated headers and query keys are
/// comma-joined; header names are lower-cased; cookies are split out; no body.
/// </summary>
internal static class HttpV2Event
{
    public static byte[] Write(ApiDefinition api, RequestView view, IReadOnlyList<string> identityValues) =>
        JsonWriting.Build(w =>
        {
            var route = view.Route.Route;
            w.WriteStartObject();
            w.WriteString("version", "2.0");
            w.WriteString("type", "REQUEST");
            w.WriteString("routeArn", view.Arn);
            w.WriteStartArray("identitySource");
            foreach (var value in identityValues)
                w.WriteStringValue(value);
            w.WriteEndArray();
            w.WriteString("routeKey", route.RouteKey);
            w.WriteString("rawPath", view.Request.Path);
            w.WriteString("rawQueryString", view.Request.Query);
            var cookies = Cookies(view);
            if (cookies.Count > 0)
            {
                w.WriteStartArray("cookies");
                foreach (var cookie in cookies)
                    w.WriteStringValue(cookie);
                w.WriteEndArray();
            }
            var headers = view.GroupedHeaders(lowerCaseNames: true).Where(h => h.Key != "cookie").ToList();
            JsonWriting.WriteSingle(w, "headers", headers, join: true);
            var query = view.GroupedQuery();
            if (query.Count > 0)
                JsonWriting.WriteSingle(w, "queryStringParameters", query, join: true);
            WriteContext(w, api, view);
            if (view.Route.PathParameters.Count > 0)
                JsonWriting.WriteMap(w, "pathParameters", view.Route.PathParameters);
            if (api.StageVariables.Count > 0)
                JsonWriting.WriteMap(w, "stageVariables", api.StageVariables);
            w.WriteEndObject();
        });

    /// <summary>The HTTP API 2.0 <c>requestContext</c>, shared with the 2.0 integration event (CTX-4).</summary>
    public static void WriteContext(Utf8JsonWriter w, ApiDefinition api, RequestView view, Action<Utf8JsonWriter>? authorizer = null, bool asRoot = false)
    {
        if (asRoot)
            w.WriteStartObject();
        else
            w.WriteStartObject("requestContext");
        w.WriteString("accountId", api.AccountId);
        w.WriteString("apiId", api.ApiId);
        authorizer?.Invoke(w);
        w.WriteStartObject("authentication");
        w.WriteEndObject();
        w.WriteString("domainName", view.Facts.DomainName);
        w.WriteString("domainPrefix", view.Facts.DomainPrefix);
        w.WriteStartObject("http");
        w.WriteString("method", view.Request.Method.ToUpperInvariant());
        w.WriteString("path", view.Request.Path);
        w.WriteString("protocol", "HTTP/1.1");
        w.WriteString("sourceIp", view.Request.SourceIp);
        w.WriteString("userAgent", view.UserAgent ?? "");
        w.WriteEndObject();
        w.WriteString("requestId", view.Facts.RequestId);
        w.WriteString("routeKey", view.Route.Route.RouteKey);
        w.WriteString("stage", api.Stage);
        w.WriteString("time", view.Facts.RequestTime);
        w.WriteNumber("timeEpoch", view.Facts.EpochMilliseconds);
        w.WriteEndObject();
    }

    private static List<string> Cookies(RequestView view)
    {
        var cookies = new List<string>();
        foreach (var header in view.HeaderValues("Cookie"))
        {
            foreach (var part in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                cookies.Add(part);
        }
        return cookies;
    }
}
