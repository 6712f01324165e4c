namespace Amazon.Lambda.Core;

/// <summary>Look-alike of the real interface.</summary>
public interface ICognitoIdentity
{
    string IdentityId { get; }

    string IdentityPoolId { get; }
}
