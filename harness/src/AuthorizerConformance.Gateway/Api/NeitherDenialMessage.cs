namespace AuthorizerConformance.Gateway;

/// <summary>
/// POL-11 (message, L): the 403 text when neither the authorizer's policy nor the resource policy allows a call and
/// neither denies it explicitly (Table A "Neither + Neither") on a route with an authorizer.
/// </summary>
public enum NeitherDenialMessage
{
    /// <summary>The authorizer's implicit-deny text, <c>User is not authorized to access this resource</c> (the default).</summary>
    Authorizer,

    /// <summary>The resource policy's text, <c>User: anonymous is not authorized to perform: execute-api:Invoke on resource: …</c>.</summary>
    ResourcePolicy,
}
