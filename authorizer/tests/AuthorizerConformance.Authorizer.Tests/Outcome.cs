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

    /// <summary>
    /// Asserts that this is what "allowed" means: a response (not an error) whose principal is <paramref name="principal"/>
    /// and whose policy allows execute-api:Invoke and denies nothing.
    /// </summary>
    public void AssertAllowed(string principal = "user-123")
    {
        Assert.Equal(principal, PrincipalId);
        var effects = Statements.Select(s => (string?)s!["Effect"]).ToList();
        Assert.Contains("Allow", effects);
        Assert.DoesNotContain("Deny", effects);
        Assert.All(Statements.Where(s => (string?)s!["Effect"] == "Allow"), s => Assert.Equal(["execute-api:Invoke"], Strings(s!["Action"])));
    }

    private static string?[] Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => (string?)n)] : [(string?)node];
}
