namespace Fixtures.DotNetAuthorizer;

/// <summary>The TOKEN authorizer event, as far as these handlers read it.</summary>
public sealed class TokenRequest
{
    public string Type { get; set; }

    public string AuthorizationToken { get; set; }

    public string MethodArn { get; set; }
}
