namespace AuthorizerConformance.Policy;

/// <summary>One request to authorize.</summary>
/// <param name="Action">The IAM action, normally <c>execute-api:Invoke</c>.</param>
/// <param name="Resource">The request's method or route ARN (see <see cref="ExecuteApiArn"/>).</param>
/// <param name="Context">
/// Condition keys and their values (<c>aws:SourceIp</c>, <c>aws:CurrentTime</c>, …). Key lookup is case-insensitive
/// whatever comparer the dictionary uses. A key that is absent is absent (§1.6 absent-key rules).
/// </param>
public sealed record PolicyRequest(
    string Action,
    string Resource,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Context = null)
{
    /// <summary>The action API Gateway checks for a REST, HTTP or WebSocket call (POL-2).</summary>
    public const string InvokeAction = "execute-api:Invoke";
}
