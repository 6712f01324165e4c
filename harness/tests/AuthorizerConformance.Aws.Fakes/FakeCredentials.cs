namespace AuthorizerConformance.Aws.Fakes;

/// <summary>
/// The fixed credentials the fakes accept. They are test values (the AWS documentation's example key pair shape);
/// they open nothing anywhere.
/// </summary>
public sealed record FakeCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Long-term example credentials.</summary>
    public static FakeCredentials Default { get; } = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
}
