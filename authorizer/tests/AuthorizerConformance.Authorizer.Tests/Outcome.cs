using System.Text.Json.Nodes;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>What one invocation produced: the response JSON, or the function error Lambda would report.</summary>
internal sealed record Outcome(JsonObject? Response, string? ErrorType, string? ErrorMessage, string? Reason)
{
    public bool IsUnauthorized => ErrorType == nameof(UnauthorizedException) && ErrorMessage == "Unauthorized";

    public bool IsConfigurationError => ErrorType == nameof(AuthorizerConfigurationException);

    public JsonObject Ok => Response ?? throw new Xunit.Sdk.XunitException($"expected a response, got {ErrorType}: {ErrorMessage} ({Reason})");

    public string? PrincipalId => (string?)Ok["principalId"];

    public JsonObject Context => Ok["context"]!.AsObject();

    public JsonArray Statements => Ok["policyDocument"]!["Statement"]!.AsArray();
}
