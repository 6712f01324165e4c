using System.Globalization;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// Per-request values API Gateway generates: request ids, the request time, the domain. Deterministic: derived
/// from a sequence number and the injected clock, so a scenario prints the same output every run.
/// </summary>
internal sealed class RequestFacts
{
    private readonly ApiDefinition _api;
    private readonly long _sequence;
    private string? _requestId;

    public RequestFacts(ApiDefinition api, long sequence, DateTimeOffset now)
    {
        _api = api;
        _sequence = sequence;
        Now = now;
    }

    public string RequestId => _requestId ??= string.Create(CultureInfo.InvariantCulture, $"{_sequence:x8}-0000-4000-8000-{_sequence:x12}");
    public string ExtendedRequestId => string.Create(CultureInfo.InvariantCulture, $"Ext{_sequence:x8}=");
    public string ConnectionId => string.Create(CultureInfo.InvariantCulture, $"Conn{_sequence:x8}=");
    public DateTimeOffset Now { get; }
    public string DomainPrefix => _api.ApiId;
    public string DomainName => $"{_api.ApiId}.execute-api.{_api.Region}.amazonaws.com";

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
