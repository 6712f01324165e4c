using System.Text.Json;

namespace AuthorizerConformance.Gateway;

public sealed partial class ApiGateway
{
    /// <summary>API key check (OUT-7), then the integration: status 200 (101 for a WebSocket handshake) and the request context it receives.</summary>
    private GatewayResult Admit(Trace trace, RequestView view, AuthorizerOutput? output)
    {
        var apiKey = ApiKey(view, output);
        if (_api.Type == ApiType.Rest && view.Route.Route.ApiKeyRequired && (apiKey is null || !_api.ApiKeys.Contains(apiKey)))
        {
            var where = _api.ApiKeySource == ApiKeySource.Header ? "the x-api-key header" : "the authorizer's usageIdentifierKey";
            return Finish(trace, view, new Rejection(FailureCodes.ApiKeyInvalid, GatewayResponseType.InvalidApiKey, "Forbidden",
                $"{where} is missing or not in the stage's usage plan"));
        }
        var context = JsonWriting.Build(w => WriteIntegrationContext(w, view, output, apiKey));
        var status = _api.Type == ApiType.WebSocket ? 101 : 200;
        var response = new RenderedResponse(status, new Dictionary<string, string>(), "");
        return Result(trace, response) with { Integration = new IntegrationResult(true, System.Text.Encoding.UTF8.GetString(context)) };
    }

    /// <summary>OUT-7, CTX-3: with apiKeySource AUTHORIZER the key is the authorizer's usageIdentifierKey.</summary>
    private string? ApiKey(RequestView view, AuthorizerOutput? output) => _api.ApiKeySource switch
    {
        ApiKeySource.Authorizer => output?.UsageIdentifierKey,
        ApiKeySource.Header => ContextVariables.LastHeader(view.Request, "x-api-key"),
        _ => throw new InvalidOperationException($"Unknown API key source {_api.ApiKeySource}."),
    };

    private void WriteIntegrationContext(Utf8JsonWriter w, RequestView view, AuthorizerOutput? output, string? apiKey)
    {
        Action<Utf8JsonWriter>? authorizer = output is null ? null : a => WriteAuthorizer(a, output, view);
        switch (_api.Type)
        {
            case ApiType.Rest:
                RequestEvent.WriteRestContext(w, _api, view, apiKey, authorizer);
                break;
            case ApiType.WebSocket:
                RequestEvent.WriteWebSocketContext(w, _api, view, authorizer);
                break;
            case ApiType.Http when view.Route.Route.IntegrationPayloadFormatVersion == "1.0":
                RequestEvent.WriteRestContext(w, _api, view, null, authorizer);
                break;
            case ApiType.Http:
                HttpV2Event.WriteContext(w, _api, view, authorizer, asRoot: true);
                break;
            default:
                throw new InvalidOperationException($"Unknown API type {_api.Type}.");
        }
    }

    /// <summary>
    /// CTX-1, CTX-2 (section N): REST and WebSocket get <c>principalId</c> and the context stringified, plus
    /// <c>integrationLatency</c> as a number. CTX-4: HTTP payload 2.0 nests the typed context under <c>lambda</c>.
    /// CTX-5 (L): HTTP payload 1.0 puts the typed context and principalId flat under <c>authorizer</c>.
    /// </summary>
    private void WriteAuthorizer(Utf8JsonWriter w, AuthorizerOutput output, RequestView view)
    {
        w.WriteStartObject("authorizer");
        if (_api.Type == ApiType.Http && view.Route.Route.IntegrationPayloadFormatVersion != "1.0")
        {
            w.WriteStartObject("lambda");
            foreach (var (key, value) in output.Context)
            {
                w.WritePropertyName(key);
                value.WriteTo(w);
            }
            w.WriteEndObject();
        }
        else
        {
            var writesPrincipal = output.PrincipalId is not null || output.Policy is not null;
            if (writesPrincipal)
                w.WriteString("principalId", output.PrincipalId);
            foreach (var (key, value) in output.Context)
            {
                // CTX-2 (local decision, L: AWS documents no precedence): the gateway's own principalId and
                // integrationLatency win over context keys of the same name, which would otherwise be written twice
                // (JSON with a duplicate member, which most backends' parsers refuse).
                if ((writesPrincipal && key == "principalId") || (_api.Type != ApiType.Http && key == "integrationLatency"))
                    continue;
                if (_api.Type == ApiType.Http)
                {
                    w.WritePropertyName(key);
                    value.WriteTo(w);
                }
                else
                {
                    w.WriteString(key, AuthorizerOutput.Stringify(value));
                }
            }
            if (_api.Type != ApiType.Http)
                w.WriteNumber("integrationLatency", 0);
        }
        w.WriteEndObject();
    }
}
