namespace AuthorizerConformance.Authorizer;

/// <summary>
/// Thrown for every token failure. Lambda reports it as a function error whose <c>errorMessage</c> is exactly
/// <c>Unauthorized</c>, which API Gateway turns into 401 (spec UNA-1). The reason stays in <see cref="Reason"/>
/// for logs; it never reaches the client and never contains the token.
/// </summary>
public sealed class UnauthorizedException : Exception
{
    /// <summary>The one message API Gateway maps to 401.</summary>
    public const string WireMessage = "Unauthorized";

    public UnauthorizedException() : this("unspecified") { }

    public UnauthorizedException(string reason) : base(WireMessage) => Reason = reason;

    public UnauthorizedException(string reason, Exception inner) : base(WireMessage, inner) => Reason = reason;

    /// <summary>Why the token was refused (a stable, secret-free code such as <c>token-missing</c>).</summary>
    public string Reason { get; } = "unspecified";

    /// <summary>The token as a log may show it (<see cref="LogSafe.Token"/>: header prefix only), when one was read.</summary>
    public string? LogSafeToken { get; internal set; }
}
