using System.Globalization;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// Per-request values API Gateway generates: request ids, the request time, the domain. Deterministic: derived
/// from a sequence number and the injected clock, so a scenario prints the same output every run.
/// </summary>
internal sealed class RequestFacts
{
    public RequestFacts(ApiDefinition api, long sequence, DateTimeOffset now)
    {
        RequestId = string.Create(CultureInfo.InvariantCulture, $"{sequence:x8}-0000-4000-8000-{sequence:x12}");
        ExtendedRequestId = string.Create(CultureInfo.InvariantCulture, $"Ext{sequence:x8}=");
        ConnectionId = string.Create(CultureInfo.InvariantCulture, $"Conn{sequence:x8}=");
        Now = now;
        DomainPrefix = api.ApiId;
        DomainName = $"{api.ApiId}.execute-api.{api.Region}.amazonaws.com";
    }

    public string RequestId { get; }
    public string ExtendedRequestId { get; }
    public string ConnectionId { get; }
    public DateTimeOffset Now { get; }
    public string DomainPrefix { get; }
    public string DomainName { get; }

    /// <summary>The CLF time API Gateway puts in <c>requestTime</c>, e.g. <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    public string RequestTime => Now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);

    public long EpochMilliseconds => Now.ToUnixTimeMilliseconds();

    /// <summary>A stable 6-character resource id for a resource template, like API Gateway's.</summary>
    public static string ResourceId(string template)
    {
        uint hash = 2166136261;
        foreach (var c in template)
            hash = (hash ^ c) * 16777619;
        return (hash % 2176782336u).ToString("x6", CultureInfo.InvariantCulture)[..6];
    }
}
