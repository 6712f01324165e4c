using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Harness.Conformance;

/// <summary>One invocation of an authorizer function: the event it received and what it produced.</summary>
public sealed record AuthorizerCall(string Authorizer, string Event, AuthorizerInvocation Outcome);
