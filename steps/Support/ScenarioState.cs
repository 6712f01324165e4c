using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness.Foundation;
using Microsoft.Extensions.Time.Testing;

namespace AuthorizerConformance.Steps.Support;

/// <summary>Everything one scenario sets up and observes; Reqnroll injects one instance per scenario.</summary>
public sealed class ScenarioState
{
    /// <summary>Scenarios start at a fixed instant, so token lifetimes are deterministic.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public RestApiSettings Api { get; set; } = new();

    /// <summary>The environment variables of the authorizer function under test.</summary>
    public Dictionary<string, string> AuthorizerEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>The token the client sends (or the event carries), if any.</summary>
    public string? Token { get; set; }

    /// <summary>What the client saw for the last request.</summary>
    public ClientResponse? Response { get; set; }

    /// <summary>The outcome of the last direct invocation of the authorizer function.</summary>
    public AuthorizerInvocation? DirectInvocation { get; set; }

    /// <summary>The event of the last direct invocation.</summary>
    public string? DirectEvent { get; set; }

    /// <summary>The last client response, or a failure saying that no request was sent.</summary>
    public ClientResponse RequireResponse() =>
        Response ?? throw new InvalidOperationException("No request was sent: add a 'When the client calls …' step before this one.");
}
