namespace AuthorizerConformance.Reqnroll.xUnit3;

/// <summary>
/// A real error (a bug in the harness, a fault of the target) whose message or stack trace held a secret: the same
/// error with the secret withheld. It keeps the original type's name and every frame, so the bug stays debuggable.
/// </summary>
public sealed class RedactedErrorException : Exception
{
    private readonly string? _stackTrace;

    public RedactedErrorException() { }

    public RedactedErrorException(string message) : base(message) { }

    public RedactedErrorException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The error of type <paramref name="originalType"/>, with its redacted message and stack trace.</summary>
    public RedactedErrorException(string originalType, string message, string? stackTrace) : base($"{originalType}: {message}") =>
        _stackTrace = stackTrace;

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace ?? base.StackTrace;
}
