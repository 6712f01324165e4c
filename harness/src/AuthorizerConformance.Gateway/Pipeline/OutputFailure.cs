namespace AuthorizerConformance.Gateway;

/// <summary>Why an output was rejected: a failure code (<see cref="FailureCodes"/>) and a message for people.</summary>
internal sealed record OutputFailure(string Code, string Detail);
