namespace AuthorizerConformance.Gateway;

/// <summary>
/// Stage 7, response: renders a rejection. REST and WebSocket use gateway responses: the defaults of spec 1.2 and
/// section N, or the API's customisation of the type, else of DEFAULT_4XX/DEFAULT_5XX (GWR-1). HTTP APIs have fixed
/// responses (HTTP-8, HTTP-7).
/// </summary>
internal sealed class GatewayResponses
{
    private readonly ApiDefinition _api;

    public GatewayResponses(ApiDefinition api) => _api = api;

    public RenderedResponse Render(Rejection rejection, RequestView? view, AuthorizerOutput? output) =>
        _api.Type == ApiType.Http ? RenderHttp(rejection) : RenderGateway(rejection, view, output);

    private RenderedResponse RenderHttp(Rejection rejection)
    {
        var json = new Dictionary<string, string> { ["content-type"] = "application/json" };
        return rejection.Type switch
        {
            GatewayResponseType.Unauthorized => new(401, json, """{"message":"Unauthorized"}"""),
            GatewayResponseType.AccessDenied or GatewayResponseType.InvalidApiKey => new(403, json, _api.Behavior.HttpForbiddenBody),
            GatewayResponseType.AuthorizerConfigurationError or GatewayResponseType.AuthorizerFailure or GatewayResponseType.Default5xx =>
                new(500, json, _api.Behavior.HttpInternalServerErrorBody),
            GatewayResponseType.MissingAuthenticationToken => new(404, json, """{"message":"Not Found"}"""),
            GatewayResponseType.RequestUriTooLong => new(414, json, """{"message":"Request URI too long"}"""),
            GatewayResponseType.Default4xx => new(400, json, """{"message":"Bad Request"}"""),
            _ => throw new InvalidOperationException($"Unknown gateway response type {rejection.Type}."),
        };
    }

    private RenderedResponse RenderGateway(Rejection rejection, RequestView? view, AuthorizerOutput? output)
    {
        var defaults = DefaultGatewayResponse.For(rejection.Type);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        // GWR-3, section N: the error type header on 401, 403 and 500.
        if (defaults.ErrorType is not null)
            headers["x-amzn-ErrorType"] = defaults.ErrorType;
        var custom = rejection.Type == GatewayResponseType.RequestUriTooLong ? null : Customization(rejection.Type, defaults.Status);
        var expanded = custom?.Template is { } template ? Expand(template, rejection, view, output) : null;
        var note = custom?.Template is not null && expanded is null
            ? $"; the gateway response template would render past {MaxBodyChars} characters (API Gateway's payload quota), so the default body was sent"
            : null;
        var body = expanded ?? DefaultBody(rejection);
        if (custom is not null)
        {
            foreach (var (name, value) in custom.Headers)
                headers[name] = StaticValue(value);
        }
        return new RenderedResponse(custom?.StatusCode ?? defaults.Status, headers, body, note);
    }

    /// <summary>GWR-1, D-GWR: the type's own customisation, else DEFAULT_4XX/DEFAULT_5XX by the default status.</summary>
    private GatewayResponseCustomization? Customization(GatewayResponseType type, int status)
    {
        if (_api.GatewayResponses.TryGetValue(type, out var own))
            return own;
        var fallback = status >= 500 ? GatewayResponseType.Default5xx : GatewayResponseType.Default4xx;
        return _api.GatewayResponses.GetValueOrDefault(fallback);
    }

    /// <summary>
    /// The default template <c>{"message":$context.error.messageString}</c> (GWR-2), except ACCESS_DENIED whose
    /// key is <c>Message</c> (GWR-5, section N), and the 414, which is not a gateway response.
    /// </summary>
    private static string DefaultBody(Rejection rejection) => rejection.Type switch
    {
        GatewayResponseType.AccessDenied => $"{{\"Message\":{MessageString(rejection.Message)}}}",
        _ => $"{{\"message\":{MessageString(rejection.Message)}}}",
    };

    /// <summary>GWR-2: <c>$context.error.messageString</c> is the JSON-quoted message, or <c>null</c>.</summary>
    private static string MessageString(string? message) => message is null ? "null" : JsonWriting.Quote(message);

    /// <summary>AWS writes static header values in single quotes (<c>'*'</c>); plain values are taken as they are.</summary>
    private static string StaticValue(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1] : value;

    /// <summary>
    /// The largest rendered gateway-response body, in UTF-16 characters: API Gateway's 10 MB payload quota for REST
    /// APIs (docs/limits.md). A template repeating a large <c>$context.authorizer</c> value would otherwise grow without
    /// bound (issue 16 defect 11).
    /// </summary>
    internal const int MaxBodyChars = 10 * 1024 * 1024;

    /// <summary>
    /// GWR-1, CTX-7: only static text and <c>$context</c> variables; an unknown variable renders as empty. Null when the
    /// body would pass <see cref="MaxBodyChars"/> (the caller sends the default body instead; a local decision).
    /// </summary>
    private static string? Expand(string template, Rejection rejection, RequestView? view, AuthorizerOutput? output)
    {
        var body = new System.Text.StringBuilder();
        Dictionary<string, string>? context = null;
        var copied = 0;
        foreach (var m in ContextReferences.Find(template))
        {
            var value = Variable(m.Name, rejection, view, output, ref context);
            if (body.Length + (m.Index - copied) + value.Length > MaxBodyChars)
                return null;
            body.Append(template, copied, m.Index - copied).Append(value);
            copied = m.Index + m.Length;
        }
        return body.Append(template, copied, template.Length - copied).ToString();
    }

    private static string Variable(string name, Rejection rejection, RequestView? view, AuthorizerOutput? output, ref Dictionary<string, string>? context)
    {
        // name is what follows "context." in $context.name or ${context.name}
        switch (name)
        {
            case "error.messageString":
                return MessageString(rejection.Message);
            case "error.message":
                return rejection.Message ?? "";
            case "error.responseType":
                return ResponseTypeName(rejection.Type);
            case "authorizer.principalId":
                return output?.PrincipalId ?? "";
        }
        if (name.StartsWith("authorizer.", StringComparison.Ordinal) && output is not null)
        {
            // One lookup table per rendering, not a scan of the context per reference; the first of equal keys wins, as before.
            if (context is null)
            {
                context = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (k, v) in output.Context)
                    context.TryAdd(k, AuthorizerOutput.Stringify(v) ?? "");
            }
            return context.GetValueOrDefault(name["authorizer.".Length..]) ?? "";
        }
        return view?.ContextVariables.GetValueOrDefault(name) ?? "";
    }

    internal static string ResponseTypeName(GatewayResponseType type) => type switch
    {
        GatewayResponseType.Unauthorized => "UNAUTHORIZED",
        GatewayResponseType.AccessDenied => "ACCESS_DENIED",
        GatewayResponseType.AuthorizerConfigurationError => "AUTHORIZER_CONFIGURATION_ERROR",
        GatewayResponseType.AuthorizerFailure => "AUTHORIZER_FAILURE",
        GatewayResponseType.MissingAuthenticationToken => "MISSING_AUTHENTICATION_TOKEN",
        GatewayResponseType.InvalidApiKey => "INVALID_API_KEY",
        GatewayResponseType.RequestUriTooLong => "REQUEST_URI_TOO_LONG",
        GatewayResponseType.Default4xx => "DEFAULT_4XX",
        GatewayResponseType.Default5xx => "DEFAULT_5XX",
        _ => throw new InvalidOperationException($"Unknown gateway response type {type}."),
    };
}
