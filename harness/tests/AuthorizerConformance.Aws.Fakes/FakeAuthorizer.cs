using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Aws.Fakes;

/// <summary>
/// An authorizer of a <see cref="FakeRestApi"/>, as GetAuthorizer describes it, and the real function that
/// TestInvokeAuthorizer runs (built from the emulation's definition of it).
/// </summary>
public sealed record FakeAuthorizer
{
    /// <summary>The authorizer id.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public string Name { get; init; } = "authorizer";

    /// <summary><c>TOKEN</c> or <c>REQUEST</c>.</summary>
    public string Type { get; init; } = "TOKEN";

    /// <summary>The REST identity source string, e.g. <c>method.request.header.Authorization</c>.</summary>
    public string IdentitySource { get; init; } = "method.request.header.Authorization";

    /// <summary>TOKEN only: the validation expression, or null.</summary>
    public string? IdentityValidationExpression { get; init; }

    /// <summary>The result TTL GetAuthorizer reports (a test invoke never caches).</summary>
    public int? ResultTtlInSeconds { get; init; }

    /// <summary>The function TestInvokeAuthorizer calls.</summary>
    public required Func<AuthorizerDefinition, IAuthorizerFunction> Function { get; init; }

    /// <summary>Whether a test invoke's execution log holds the <c>Authorizer result body before parsing:</c> line (default
    /// yes); without it a client sees only <c>principalId</c> and <c>policy</c>, not the context.</summary>
    public bool LogsResultBody { get; init; } = true;
}
