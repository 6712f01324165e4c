namespace AuthorizerConformance.Gateway;

/// <summary>Where an identity-source value is read from (REQ-1, HTTP-2, WS-4).</summary>
public enum IdentitySourceKind
{
    /// <summary>A request header; the name matches case-insensitively (TOK-4, HTTP-2).</summary>
    Header,

    /// <summary>A query-string parameter; the name matches case-sensitively (HTTP-2).</summary>
    QueryString,

    /// <summary>A stage variable.</summary>
    StageVariable,

    /// <summary>A <c>$context</c> variable such as <c>routeKey</c> or <c>identity.sourceIp</c>.</summary>
    Context,
}
