namespace AuthorizerConformance.Authorizer;

/// <summary>
/// The authorizer is misconfigured (no secret, unusable key). Its message is deliberately not
/// <c>Unauthorized</c>, so API Gateway answers 500 and a misconfiguration is never mistaken for a bad token.
/// </summary>
public sealed class AuthorizerConfigurationException : Exception
{
    public AuthorizerConfigurationException() { }

    public AuthorizerConfigurationException(string message) : base(message) { }

    public AuthorizerConfigurationException(string message, Exception inner) : base(message, inner) { }
}
