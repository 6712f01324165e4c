using System.Globalization;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// CTX-6: the <c>$context.authorizer.*</c> variables of access logs, as the emulation fills them. Latencies are 0
/// (the emulated function takes no time on the scenario's clock); <c>integrationStatus</c> is 200 when the function
/// answered, 504 when it timed out, and <c>-</c> when it was not invoked (refused before it, or a cache hit), as
/// access logs print absent values; <c>requestId</c> is the request's id.
/// </summary>
public static class AuthorizerLogVariables
{
    public const string Status = "$context.authorizer.status";
    public const string Error = "$context.authorizer.error";
    public const string Latency = "$context.authorizer.latency";
    public const string IntegrationLatency = "$context.authorizer.integrationLatency";
    public const string IntegrationStatus = "$context.authorizer.integrationStatus";
    public const string RequestId = "$context.authorizer.requestId";

    private const string Absent = "-";

    /// <summary>The variables for one request; empty when the authorizer stage did not handle it.</summary>
    public static IReadOnlyDictionary<string, string> Of(int? status, string? error, bool invoked, bool timedOut, string? requestId)
    {
        if (status is not { } code)
            return new Dictionary<string, string>();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Status] = code.ToString(CultureInfo.InvariantCulture),
            [Error] = string.IsNullOrEmpty(error) ? Absent : error,
            [Latency] = "0",
            [IntegrationLatency] = invoked ? "0" : Absent,
            [IntegrationStatus] = !invoked ? Absent : timedOut ? "504" : "200",
            [RequestId] = requestId ?? Absent,
        };
    }
}
