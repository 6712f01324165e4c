namespace AuthorizerConformance.Gateway;

/// <summary>The gateway response types the authorizer pipeline produces (spec 1.2, D-GWR).</summary>
public enum GatewayResponseType
{
    /// <summary>401: identity source missing or invalid, or the function failed with <c>Unauthorized</c>.</summary>
    Unauthorized,

    /// <summary>403: the policy denied the call, explicitly or implicitly.</summary>
    AccessDenied,

    /// <summary>500: the function failed, timed out, or returned malformed output.</summary>
    AuthorizerConfigurationError,

    /// <summary>500: the authorizer failed to authenticate the caller (no observed trigger for Lambda authorizers).</summary>
    AuthorizerFailure,

    /// <summary>403: no route or method matches.</summary>
    MissingAuthenticationToken,

    /// <summary>403: the API key is missing or not in the stage's usage plan.</summary>
    InvalidApiKey,

    /// <summary>414: the method ARN is over 1600 bytes (ARN-4). Not customisable.</summary>
    RequestUriTooLong,

    /// <summary>The fallback customisation for every 4XX type not customised itself.</summary>
    Default4xx,

    /// <summary>The fallback customisation for every 5XX type not customised itself.</summary>
    Default5xx,
}
