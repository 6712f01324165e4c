using System.Text.Json;

namespace AuthorizerConformance.Aws.Fakes;

public sealed partial class FakeApiGatewayControlPlane
{
    private async Task<Answer> RouteAsync(string method, string rawPath, string rawQuery, byte[] body, CancellationToken cancellationToken)
    {
        var segments = rawPath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var query = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0])).ToDictionary(g => g.Key, g => Uri.UnescapeDataString(g.First().ElementAtOrDefault(1) ?? ""), StringComparer.Ordinal);
        switch (method, segments)
        {
            case ("GET", ["restapis"]):
                return Page(_apis.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList(), query, WriteRestApi);
            case ("GET", ["restapis", var apiId, "authorizers"]):
                return FindApi(apiId, out var api) is { } missing ? missing : Page(api!.Authorizers, query, WriteAuthorizer);
            case ("GET", ["restapis", var apiId, "authorizers", var authorizerId]):
                return FindAuthorizer(apiId, authorizerId, out _, out var authorizer) ?? Answer.Ok(Answer.Json(w => WriteAuthorizer(w, authorizer!)));
            case ("POST", ["restapis", var apiId, "authorizers", var authorizerId]):
                return FindAuthorizer(apiId, authorizerId, out var owner, out var invoked)
                    ?? await TestInvokeAsync(owner!, invoked!, body, cancellationToken).ConfigureAwait(false);
            case ("GET", ["restapis", var apiId, "stages", var stageName]):
                if (FindApi(apiId, out var stageApi) is { } noApi)
                    return noApi;
                return stageApi!.Stages.TryGetValue(stageName, out var variables)
                    ? Answer.Ok(Answer.Json(w => WriteStage(w, stageName, variables)))
                    : Answer.NotFound($"Invalid Stage identifier specified");
            default:
                return Answer.Error(404, "NotFoundException", $"no such operation: {method} {rawPath}");
        }
    }

    private Answer? FindApi(string apiId, out FakeRestApi? api) =>
        _apis.TryGetValue(apiId, out api) ? null : Answer.NotFound($"Invalid API identifier specified {AccountId}:{apiId}");

    private Answer? FindAuthorizer(string apiId, string authorizerId, out FakeRestApi? api, out FakeAuthorizer? authorizer)
    {
        authorizer = null;
        if (FindApi(apiId, out api) is { } missing)
            return missing;
        authorizer = api!.Authorizers.FirstOrDefault(a => a.Id == authorizerId);
        return authorizer is null ? Answer.NotFound($"Invalid Authorizer identifier specified {AccountId}:{apiId}:{authorizerId}") : null;
    }

    /// <summary>A page of <c>item</c> starting at <c>position</c> (an index here), <c>limit</c> 1–500 (default 25).</summary>
    private static Answer Page<T>(IReadOnlyList<T> all, IReadOnlyDictionary<string, string> query, Action<Utf8JsonWriter, T> write)
    {
        var limit = ReadLimit(query) ?? 25;
        if (limit is < 1 or > 500)
            return Answer.Error(400, "BadRequestException", "Invalid limit: must be between 1 and 500");
        var start = 0;
        if (query.TryGetValue("position", out var position) && !(int.TryParse(position, out start) && start >= 0 && start <= all.Count))
            return Answer.Error(400, "BadRequestException", "Invalid position");
        var page = all.Skip(start).Take(limit).ToList();
        var next = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Answer.Ok(Answer.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("item");
            foreach (var item in page)
                write(w, item);
            w.WriteEndArray();
            if (next is not null)
                w.WriteString("position", next);
            w.WriteEndObject();
        }));
    }

    private static void WriteRestApi(Utf8JsonWriter w, FakeRestApi api)
    {
        w.WriteStartObject();
        w.WriteString("id", api.Id);
        w.WriteString("name", api.Name);
        w.WriteNumber("createdDate", 1767225600);
        w.WriteString("apiKeySource", "HEADER");
        w.WriteStartObject("endpointConfiguration");
        w.WriteStartArray("types");
        w.WriteStringValue("REGIONAL");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteAuthorizer(Utf8JsonWriter w, FakeAuthorizer authorizer)
    {
        w.WriteStartObject();
        w.WriteString("id", authorizer.Id);
        w.WriteString("name", authorizer.Name);
        w.WriteString("type", authorizer.Type);
        w.WriteString("authType", "custom");
        w.WriteString("authorizerUri",
            $"arn:aws:apigateway:{Region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{Region}:{AccountId}:function:{authorizer.Name}/invocations");
        if (authorizer.IdentitySource.Length > 0)
            w.WriteString("identitySource", authorizer.IdentitySource);
        if (authorizer.IdentityValidationExpression is { } expression)
            w.WriteString("identityValidationExpression", expression);
        if (authorizer.ResultTtlInSeconds is { } ttl)
            w.WriteNumber("authorizerResultTtlInSeconds", ttl);
        w.WriteEndObject();
    }

    private static void WriteStage(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> variables)
    {
        w.WriteStartObject();
        w.WriteString("deploymentId", "dep123");
        w.WriteString("stageName", name);
        w.WriteBoolean("cacheClusterEnabled", false);
        w.WriteBoolean("tracingEnabled", false);
        FakeJson.StringMap(w, "variables", variables);
        w.WriteNumber("createdDate", 1767225600);
        w.WriteNumber("lastUpdatedDate", 1767225600);
        w.WriteEndObject();
    }
}
