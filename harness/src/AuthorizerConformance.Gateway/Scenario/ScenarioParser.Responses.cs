using System.Text.Json;

namespace AuthorizerConformance.Gateway.Scenarios;

public static partial class ScenarioParser
{
    private static readonly Dictionary<string, GatewayResponseType> ResponseTypes = new(StringComparer.Ordinal)
    {
        ["UNAUTHORIZED"] = GatewayResponseType.Unauthorized,
        ["ACCESS_DENIED"] = GatewayResponseType.AccessDenied,
        ["AUTHORIZER_CONFIGURATION_ERROR"] = GatewayResponseType.AuthorizerConfigurationError,
        ["AUTHORIZER_FAILURE"] = GatewayResponseType.AuthorizerFailure,
        ["MISSING_AUTHENTICATION_TOKEN"] = GatewayResponseType.MissingAuthenticationToken,
        ["INVALID_API_KEY"] = GatewayResponseType.InvalidApiKey,
        ["DEFAULT_4XX"] = GatewayResponseType.Default4xx,
        ["DEFAULT_5XX"] = GatewayResponseType.Default5xx,
    };

    /// <summary>GWR-1: per-API customisation of status, headers and template (REST and WebSocket; HTTP-8: none on HTTP APIs).</summary>
    private static Dictionary<GatewayResponseType, GatewayResponseCustomization> ReadGatewayResponses(JsonElement api, ApiType type)
    {
        var responses = new Dictionary<GatewayResponseType, GatewayResponseCustomization>();
        if (!Json.Has(api, "gatewayResponses", out var element))
            return responses;
        if (type == ApiType.Http)
            throw new ScenarioFormatException("api.gatewayResponses", "HTTP APIs have no gateway-response customisation (HTTP-8)");
        foreach (var property in Json.Object(element, "api.gatewayResponses").EnumerateObject())
        {
            var path = Json.Child("api.gatewayResponses", property.Name);
            if (!ResponseTypes.TryGetValue(property.Name, out var responseType))
                throw new ScenarioFormatException(path, $"unknown gateway response type; expected one of {string.Join(", ", ResponseTypes.Keys)}");
            Json.Object(property.Value, path, "statusCode", "headers", "template");
            responses[responseType] = new GatewayResponseCustomization
            {
                StatusCode = Json.Integer(property.Value, path, "statusCode", 100, 599),
                Headers = Json.StringMap(property.Value, path, "headers"),
                Template = Json.String(property.Value, path, "template"),
            };
        }
        return responses;
    }
}
