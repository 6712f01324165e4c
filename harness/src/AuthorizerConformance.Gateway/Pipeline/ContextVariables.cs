using System.Globalization;

namespace AuthorizerConformance.Gateway;

/// <summary>The <c>$context</c> variables an identity source or a template can read (REQ-1, HTTP-2, D-MAP).</summary>
internal static class ContextVariables
{
    public static Dictionary<string, string> Build(ApiDefinition api, ClientRequest request, RouteDefinition route, RequestFacts facts)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["requestId"] = facts.RequestId,
            ["extendedRequestId"] = facts.ExtendedRequestId,
            ["stage"] = api.Stage,
            ["apiId"] = api.ApiId,
            ["accountId"] = api.AccountId,
            ["domainName"] = facts.DomainName,
            ["domainPrefix"] = facts.DomainPrefix,
            ["protocol"] = "HTTP/1.1",
            ["requestTime"] = facts.RequestTime,
            ["requestTimeEpoch"] = facts.EpochMilliseconds.ToString(CultureInfo.InvariantCulture),
            ["identity.sourceIp"] = request.SourceIp,
            ["routeKey"] = route.RouteKey,
        };
        var userAgent = LastHeader(request, "User-Agent");
        if (userAgent is not null)
            variables["identity.userAgent"] = userAgent;
        if (api.Type == ApiType.WebSocket)
        {
            variables["connectionId"] = facts.ConnectionId;
            variables["eventType"] = "CONNECT";
            variables["messageDirection"] = "IN";
        }
        else
        {
            variables["httpMethod"] = request.Method.ToUpperInvariant();
            variables["path"] = api.Type == ApiType.Rest ? $"/{api.Stage}{request.Path}" : request.Path;
            if (route.Resource is not null)
            {
                variables["resourcePath"] = route.Resource;
                variables["resourceId"] = RequestFacts.ResourceId(route.Resource);
            }
        }
        return variables;
    }

    public static string? LastHeader(ClientRequest request, string name)
    {
        string? value = null;
        foreach (var (key, v) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                value = v;
        }
        return value;
    }
}
