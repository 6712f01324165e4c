namespace Fixtures.DotNetMutants;

/// <summary>Fails the invocation with exactly <c>Unauthorized</c>, which API Gateway maps to 401 (UNA-1).</summary>
public sealed class UnauthorizedException : Exception
{
    public UnauthorizedException() : base("Unauthorized") { }

    public UnauthorizedException(string message) : base(message) { }

    public UnauthorizedException(string message, Exception innerException) : base(message, innerException) { }
}
