using System.Globalization;
using System.Text.Json;
using Amazon;
using AuthorizerConformance.Aws.APIGateway.Model;

namespace AuthorizerConformance.Aws.APIGateway;

/// <summary>
/// Reads an error answer the way the AWS SDKs do (the name from <c>x-amzn-ErrorType</c> up to <c>:</c>, else the
/// body's <c>__type</c>, else the status; the text from <c>message</c> or <c>Message</c>; <c>Retry-After</c>) and
/// turns the final one into a message that says what to do.
/// </summary>
internal static class ApiGatewayErrors
{
    private const int MaxMessageLength = 500;

    public static Failure Read(HttpResponseMessage response, byte[] body, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        ErrorBody? parsed = null;
        try
        {
            parsed = JsonSerializer.Deserialize(body, ApiGatewayJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the status names it.
        }
        var type = Header(response, "x-amzn-ErrorType") ?? parsed?.Type ?? ByStatus(status);
        type = type.Split(':')[0].Trim();
        if (type.Contains('#', StringComparison.Ordinal))
            type = type[(type.LastIndexOf('#') + 1)..];
        var message = parsed?.LowerMessage ?? parsed?.UpperMessage ?? "";
        if (message.Length > MaxMessageLength)
            message = message[..MaxMessageLength] + "…";
        return new Failure(status, type, message, RetryAfter(response, now));
    }

    public static AmazonAPIGatewayException Explain(Call call, Failure failure, RegionEndpoint region, int attempts, bool retryable, TimeSpan waited)
    {
        var said = failure.Message.Length > 0 ? $" AWS said: \"{failure.Message}\"" : "";
        var what = $"{call.Operation} ({call.Method} {call.Path})";
        var text = failure.Type switch
        {
            _ when retryable && failure.Status == 429 =>
                $"{what} was throttled by API Gateway ({failure.Type}) on all {attempts} attempts over {waited.TotalSeconds:0.#} s of backoff: " +
                "the retry budget is spent. The account's control-plane budget is 10 requests/s shared by every caller of the account; " +
                "lower the rate or run when fewer tools call API Gateway." + said,
            _ when retryable && failure.Status is null =>
                $"{what}: {failure.Message} (all {attempts} attempts failed; check the endpoint URL and the network).",
            _ when retryable =>
                $"{what}: API Gateway answered {failure.Status} {failure.Type} on all {attempts} attempts (a service fault; try again later)." + said,
            "AccessDeniedException" =>
                $"{what} was refused: the caller lacks the IAM permission {call.IamAction} on {ResourceArn(call, region)}. " +
                "Grant it (README: \"Verify a deployed stage\" has the least-privilege policy)." + said,
            "NotFoundException" =>
                $"{what}: not found: {Names(call)} in {region.SystemName}. Check the id and the region (GetRestApis and GetAuthorizers list them)." + said,
            "ExpiredTokenException" or "ExpiredToken" or "RequestExpired" =>
                $"{what}: the AWS credentials have expired ({failure.Type}). Refresh them (aws sso login, or assume the role again) and run again.",
            "UnrecognizedClientException" or "InvalidSignatureException" or "IncompleteSignatureException" or "SignatureDoesNotMatch" or "InvalidClientTokenId" =>
                $"{what}: API Gateway did not accept the request's credentials or signature ({failure.Type}). Check that the credentials " +
                "are current and belong to the account, and that this machine's clock is right." + said,
            "UnauthorizedException" =>
                $"{what}: API Gateway says the caller is not authorized ({failure.Type}); check the credentials in use." + said,
            "BadRequestException" =>
                $"{what}: API Gateway refused the request as invalid ({failure.Type})." + said,
            _ => $"{what} failed: {failure.Status} {failure.Type}." + said,
        };
        return new AmazonAPIGatewayException(call.Operation, failure.Type, text, failure.Status, attempts);
    }

    /// <summary>The IAM resource ARN of the call: <c>arn:{partition}:apigateway:{region}::/restapis/…</c>.</summary>
    public static string ResourceArn(Call call, RegionEndpoint region) =>
        $"arn:{region.PartitionName ?? "aws"}:apigateway:{region.SystemName}::{call.Path}";

    private static string Names(Call call)
    {
        var parts = new List<string>(3);
        if (call.RestApiId is not null)
            parts.Add($"REST API '{call.RestApiId}'");
        if (call.AuthorizerId is not null)
            parts.Add($"authorizer '{call.AuthorizerId}'");
        if (call.StageName is not null)
            parts.Add($"stage '{call.StageName}'");
        return parts.Count == 0 ? call.Path : string.Join(", ", parts);
    }

    private static string ByStatus(int status) => status switch
    {
        400 => "BadRequestException",
        401 => "UnauthorizedException",
        403 => "AccessDeniedException",
        404 => "NotFoundException",
        409 => "ConflictException",
        429 => "TooManyRequestsException",
        503 => "ServiceUnavailableException",
        _ => $"Http{status}",
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
                return delta;
            if (header.Date is { } date)
                return date > now ? date - now : TimeSpan.Zero;
        }
        var raw = Header(response, "Retry-After");
        return raw is not null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
