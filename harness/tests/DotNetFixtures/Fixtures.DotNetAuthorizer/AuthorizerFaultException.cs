namespace Fixtures.DotNetAuthorizer;

/// <summary>A team's own exception type: Lambda reports its simple name as errorType.</summary>
public sealed class AuthorizerFaultException : Exception
{
    public AuthorizerFaultException() { }

    public AuthorizerFaultException(string message) : base(message) { }

    public AuthorizerFaultException(string message, Exception inner) : base(message, inner) { }
}
