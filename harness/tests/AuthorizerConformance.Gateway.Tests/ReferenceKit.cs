using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Harness;

namespace AuthorizerConformance.Gateway.Tests;

/// <summary>A REST TOKEN stage whose authorizer is the in-process reference authorizer on the kit's fake clock.</summary>
internal static class ReferenceKit
{
    public static Kit Create(string? secret) => Kit.Of(
        """{"type": "REST", "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}, {"method": "POST", "resource": "/pets", "authorizer": "A"}]}""",
        """{"A": {"type": "TOKEN", "identitySource": "method.request.header.Authorization", "function": {"kind": "reference"}}}""",
        (_, time) => new InProcessAuthorizerFunction(
            new TokenAuthorizerFunction(name => name == EnvironmentVariables.TokenSalt ? secret : null, time).FunctionHandler, time));
}
