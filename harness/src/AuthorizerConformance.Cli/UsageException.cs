namespace AuthorizerConformance.Cli;

/// <summary>A usage error found by a command itself: printed on stderr, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
