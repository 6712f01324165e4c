using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AuthorizerConformance.Aws.Fakes;

/// <summary>One answer of a fake: status, body, and for errors the AWS error headers.</summary>
internal sealed record Answer(int Status, byte[] Body, string? ErrorType = null, int? RetryAfterSeconds = null)
{
    public static Answer Ok(byte[] body) => new(200, body);

    /// <summary>An error as AWS sends it: <c>x-amzn-ErrorType: Name:…</c> and <c>{"message": …}</c>
    /// (<c>Message</c> when the AWS auth layer answers).</summary>
    public static Answer Error(int status, string type, string message, bool capitalMessage = false, int? retryAfterSeconds = null) =>
        new(status, FakeJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString(capitalMessage ? "Message" : "message", message);
            w.WriteEndObject();
        }), type, retryAfterSeconds);

    public static Answer Throttled(int retryAfterSeconds) =>
        Error(429, "TooManyRequestsException", "Too Many Requests", retryAfterSeconds: retryAfterSeconds);

    public static Answer NotFound(string message) => Error(404, "NotFoundException", message);

    public async Task WriteAsync(HttpResponse response)
    {
        if (Status == 499)
            return;
        response.StatusCode = Status;
        response.ContentType = "application/json";
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (ErrorType is not null)
            response.Headers["x-amzn-ErrorType"] = ErrorType + ":http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/";
        if (RetryAfterSeconds is { } seconds)
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.Body.WriteAsync(Body).ConfigureAwait(false);
    }

    public static byte[] Json(Action<Utf8JsonWriter> write) => FakeJson.Write(write);
}
