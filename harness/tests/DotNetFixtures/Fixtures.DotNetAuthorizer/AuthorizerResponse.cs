namespace Fixtures.DotNetAuthorizer;

/// <summary>A REST authorizer's answer: principal and a one-statement policy.</summary>
public sealed class AuthorizerResponse
{
    public string PrincipalId { get; set; }

    public PolicyDocument PolicyDocument { get; set; }

    public static AuthorizerResponse For(string principalId, string effect, string resource) => new()
    {
        PrincipalId = principalId,
        PolicyDocument = new PolicyDocument { Version = "2012-10-17", Statement = [new Statement { Action = "execute-api:Invoke", Effect = effect, Resource = resource }] },
    };
}

/// <summary>The policy of an <see cref="AuthorizerResponse"/>.</summary>
public sealed class PolicyDocument
{
    public string Version { get; set; }

    public IReadOnlyList<Statement> Statement { get; set; }
}

/// <summary>One statement of a <see cref="PolicyDocument"/>.</summary>
public sealed class Statement
{
    public string Action { get; set; }

    public string Effect { get; set; }

    public string Resource { get; set; }
}
