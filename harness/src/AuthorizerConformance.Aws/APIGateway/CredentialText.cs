using Amazon.Runtime;

namespace AuthorizerConformance.Aws.APIGateway;

/// <summary>
/// Takes the caller's own AWS credentials (access key id, secret access key, session token) out of a text the service
/// sent back, by value, with the marker of the harness's redaction (<c>[REDACTED]</c>). This project may not reference the
/// Gateway's one redaction routine (the arrows point Harness → Aws), and these three values are all it needs to withhold:
/// AWS quotes the canonical request, with <c>x-amz-security-token</c>, in a signature error.
/// </summary>
internal static class CredentialText
{
    public const string Marker = "[REDACTED]";

    public static string Withhold(string text, AWSCredentials credentials)
    {
        if (text.Length == 0)
            return text;
        ImmutableCredentials? values;
        try
        {
            values = credentials.GetCredentials();
        }
        catch (AmazonClientException)
        {
            return text; // they could not be read, so they were not sent either
        }
        foreach (var value in new[] { values?.Token, values?.SecretKey, values?.AccessKey }.Where(v => !string.IsNullOrEmpty(v)).OrderByDescending(v => v!.Length))
            text = text.Replace(value!, Marker, StringComparison.Ordinal);
        return text;
    }
}
