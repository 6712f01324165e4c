using System.Text.Json;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// The REQUEST event of a REST API (REQ-5), an HTTP API with payload 1.0 (HTTP-3) and a WebSocket <c>$connect</c>
/// (WS-2, WS-3). The body is never included.
/// </summary>
internal static class RequestEvent
{
    public static byte[] Write(ApiDefinition api, RequestView view, IReadOnlyList<string> identityValues, string? apiKey) =>
        JsonWriting.Build(w =>
        {
            var ws = api.Type == ApiType.WebSocket;
            var route = view.Route.Route;
            w.WriteStartObject();
            w.WriteString("type", "REQUEST");
            w.WriteString("methodArn", view.Arn);
            if (api.Type == ApiType.Http)
            {
                // HTTP-3: payload 1.0 adds version, and the identity values joined by commas twice.
                var joined = string.Join(',', identityValues);
                w.WriteString("version", "1.0");
                w.WriteString("identitySource", joined);
                w.WriteString("authorizationToken", joined);
            }
            if (!ws)
            {
                // REQ-5: resource is the template; path and methodArn use the actual path.
                w.WriteString("resource", route.Resource ?? route.RouteKey);
                w.WriteString("path", view.Request.Path);
                w.WriteString("httpMethod", view.Request.Method.ToUpperInvariant());
            }
            var headers = view.GroupedHeaders(lowerCaseNames: false);
            var query = view.GroupedQuery();
            JsonWriting.WriteSingle(w, "headers", headers, join: false);
            JsonWriting.WriteMulti(w, "multiValueHeaders", headers);
            JsonWriting.WriteSingle(w, "queryStringParameters", query, join: false);
            JsonWriting.WriteMulti(w, "multiValueQueryStringParameters", query);
            if (!ws)
                JsonWriting.WriteMap(w, "pathParameters", view.Route.PathParameters); // WS-2: none on WebSocket
            JsonWriting.WriteMap(w, "stageVariables", api.StageVariables);
            w.WritePropertyName("requestContext");
            if (ws)
                WriteWebSocketContext(w, api, view);
            else
                WriteRestContext(w, api, view, apiKey);
            w.WriteEndObject();
        });

    /// <summary>The REST request context; the integration's copy adds the <c>authorizer</c> member.</summary>
    internal static void WriteRestContext(Utf8JsonWriter w, ApiDefinition api, RequestView view, string? apiKey, Action<Utf8JsonWriter>? authorizer = null)
    {
        var resource = view.Route.Route.Resource;
        w.WriteStartObject();
        w.WriteString("resourceId", resource is null ? "" : RequestFacts.ResourceId(resource));
        w.WriteString("resourcePath", resource ?? view.Route.Route.RouteKey);
        w.WriteString("httpMethod", view.Request.Method.ToUpperInvariant());
        w.WriteString("extendedRequestId", view.Facts.ExtendedRequestId);
        w.WriteString("requestTime", view.Facts.RequestTime);
        w.WriteString("path", view.ContextPath);
        w.WriteString("accountId", api.AccountId);
        w.WriteString("protocol", "HTTP/1.1");
        w.WriteString("stage", api.Stage);
        w.WriteString("domainPrefix", view.Facts.DomainPrefix);
        w.WriteNumber("requestTimeEpoch", view.Facts.EpochMilliseconds);
        w.WriteString("requestId", view.Facts.RequestId);
        WriteIdentity(w, view, apiKey);
        w.WriteString("domainName", view.Facts.DomainName);
        w.WriteString("apiId", api.ApiId);
        authorizer?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>WS-3: the <c>$connect</c> request context.</summary>
    internal static void WriteWebSocketContext(Utf8JsonWriter w, ApiDefinition api, RequestView view, Action<Utf8JsonWriter>? authorizer = null)
    {
        w.WriteStartObject();
        w.WriteString("routeKey", "$connect");
        w.WriteString("eventType", "CONNECT");
        w.WriteString("extendedRequestId", view.Facts.ExtendedRequestId);
        w.WriteString("requestTime", view.Facts.RequestTime);
        w.WriteString("messageDirection", "IN");
        w.WriteString("stage", api.Stage);
        w.WriteNumber("connectedAt", view.Facts.EpochMilliseconds);
        w.WriteNumber("requestTimeEpoch", view.Facts.EpochMilliseconds);
        WriteIdentity(w, view, null);
        w.WriteString("requestId", view.Facts.RequestId);
        w.WriteString("domainName", view.Facts.DomainName);
        w.WriteString("connectionId", view.Facts.ConnectionId);
        w.WriteString("apiId", api.ApiId);
        authorizer?.Invoke(w);
        w.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter w, RequestView view, string? apiKey)
    {
        w.WriteStartObject("identity");
        if (apiKey is not null)
            w.WriteString("apiKey", apiKey);
        w.WriteString("sourceIp", view.Request.SourceIp);
        if (view.UserAgent is { } agent)
            w.WriteString("userAgent", agent);
        w.WriteEndObject();
    }
}
