namespace AuthorizerConformance.Functions;

/// <summary>A function could not be started: a configuration error of the profile, reported with what and where.</summary>
public sealed class FunctionStartException : Exception
{
    public FunctionStartException() : base("the function could not be started") { }

    public FunctionStartException(string message) : base(message) { }

    public FunctionStartException(string message, Exception inner) : base(message, inner) { }
}
