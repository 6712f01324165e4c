using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Gateway;

/// <summary>
/// POL-11 (message, M): the ACCESS_DENIED text of a call the API's resource policy refuses,
/// <c>User: anonymous is not authorized to perform: execute-api:Invoke on resource: &lt;ARN&gt;[ with an explicit deny]</c>
/// (hyp3#2283 2024, serverless#11808 2023). The 2024 capture masks the account in the ARN as eight <c>*</c> and its
/// last four digits (<c>arn:aws:execute-api:us-west-2:********2543:vd2gh6uqw3/api/GET/</c>).
/// </summary>
internal static class ResourcePolicyDenial
{
    private const string Prefix = "User: anonymous is not authorized to perform: execute-api:Invoke on resource: ";
    private const string ExplicitSuffix = " with an explicit deny";

    /// <summary>The message for the request ARN <paramref name="arn"/>: explicit or implicit form, account masked or whole.</summary>
    public static string Message(string arn, bool explicitDeny, bool maskAccount) =>
        Prefix + (maskAccount ? MaskAccount(arn) : arn) + (explicitDeny ? ExplicitSuffix : "");

    /// <summary>
    /// The ARN with its account as eight <c>*</c> and the account's last four characters (all of them when it is
    /// shorter). A text that is not an execute-api ARN is returned as it is.
    /// </summary>
    public static string MaskAccount(string arn)
    {
        if (!ExecuteApiArn.TryParse(arn, out var parsed))
            return arn;
        var account = parsed.AccountId;
        return (parsed with { AccountId = new string('*', 8) + account[Math.Max(0, account.Length - 4)..] }).ToString();
    }
}
