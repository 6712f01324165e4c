namespace AuthorizerConformance.Gateway;

/// <summary>Where a REST API reads the API key for usage plans (OUT-7, CTX-3).</summary>
public enum ApiKeySource
{
    /// <summary>The <c>x-api-key</c> request header.</summary>
    Header,

    /// <summary>The authorizer's <c>usageIdentifierKey</c>.</summary>
    Authorizer,
}
