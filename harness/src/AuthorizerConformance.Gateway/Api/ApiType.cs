namespace AuthorizerConformance.Gateway;

/// <summary>The three API Gateway API kinds that run Lambda authorizers.</summary>
public enum ApiType
{
    /// <summary>REST API (v1): TOKEN and REQUEST authorizers, gateway responses, the result cache.</summary>
    Rest,

    /// <summary>HTTP API (v2): REQUEST authorizers with payload 1.0 or 2.0, fixed error responses (HTTP-8).</summary>
    Http,

    /// <summary>WebSocket API: a REQUEST authorizer on <c>$connect</c> only (WS-1).</summary>
    WebSocket,
}
