namespace AuthorizerConformance.Gateway;

/// <summary>The Lambda authorizer type (TOK-1, REQ-1, HTTP-1, WS-1).</summary>
public enum AuthorizerType
{
    /// <summary>REST only: one header is the token.</summary>
    Token,

    /// <summary>Identity sources from headers, query string, stage variables and context.</summary>
    Request,
}
