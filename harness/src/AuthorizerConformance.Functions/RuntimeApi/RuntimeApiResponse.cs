using System.Text;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>An answer of the Runtime API to one request; error bodies are RIE's (<c>rapi/rendering/render_error.go</c>).</summary>
internal sealed record RuntimeApiResponse(int Status, ReadOnlyMemory<byte> Body, IReadOnlyList<KeyValuePair<string, string>> Headers, bool Close = false)
{
    public static RuntimeApiResponse Accepted { get; } = Json(202, """{"status":"OK"}""");

    public static RuntimeApiResponse Error(int status, string errorType, string errorMessage, bool close = false) =>
        Json(status, $$"""{"errorMessage":{{System.Text.Json.JsonSerializer.Serialize(errorMessage, RuntimeApiJson.Default.String)}},"errorType":"{{errorType}}"}""", close);

    public static RuntimeApiResponse Json(int status, string body, bool close = false) => new(status, Encoding.UTF8.GetBytes(body), [], close);

    /// <summary>RIE 400 <c>InvalidRequestID</c>: the id in the path is not the invocation in flight.</summary>
    public static RuntimeApiResponse InvalidRequestId { get; } = Error(400, "InvalidRequestID", "Invalid request ID");

    /// <summary>RIE 403 <c>InvalidStateTransition</c>, e.g. a second answer for one invocation.</summary>
    public static RuntimeApiResponse InvalidState(string from, string to) =>
        Error(403, "InvalidStateTransition", $"State transition from {from} to {to} failed for runtime. Error: State transition is not allowed");

    public string Reason => Status switch
    {
        100 => "Continue",
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Payload Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Unknown",
    };
}
