using System.Text.RegularExpressions;

namespace AuthorizerConformance.Gateway;

/// <summary>An authorizer ready to run: its definition, its function, its anchored expression and effective timeout.</summary>
internal sealed class ActiveAuthorizer
{
    /// <summary>HTTP-7: the HTTP API authorizer timeout is 10 000 ms.</summary>
    public static readonly TimeSpan HttpDefaultTimeout = TimeSpan.FromSeconds(10);

    public ActiveAuthorizer(ApiDefinition api, AuthorizerDefinition definition, IAuthorizerFunction function)
    {
        Definition = definition;
        Function = function;
        WholeStringExpression = ValidationExpressionStage.Anchored(definition.IdentityValidationExpression);
        // TOK-12 (L) for REST and WebSocket; HTTP-7 for HTTP APIs.
        Timeout = definition.Timeout
            ?? (api.Type == ApiType.Http ? HttpDefaultTimeout : TimeSpan.FromSeconds(api.Behavior.RestAuthorizerTimeoutSeconds));
    }

    public AuthorizerDefinition Definition { get; }
    public IAuthorizerFunction Function { get; }
    public Regex? WholeStringExpression { get; }
    public TimeSpan Timeout { get; }

    /// <summary>HTTP payload 2.0 uses <c>routeArn</c> and the 2.0 event (ARN-7, HTTP-4).</summary>
    public bool IsPayload2(ApiDefinition api) => api.Type == ApiType.Http && Definition.PayloadFormatVersion == "2.0";
}
