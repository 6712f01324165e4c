using System.Text.Json.Nodes;

namespace Fixtures.DotNetMutants;

/// <summary>Mutant: accepts an unsigned token whose alg is <c>none</c> in any casing.</summary>
public sealed class AlgNoneAccepted : CorrectAuthorizer
{
    protected override bool SignatureMatches(JsonObject header, string signingInput, string signature, byte[] secret) =>
        string.Equals((string?)header?["alg"], "none", StringComparison.OrdinalIgnoreCase) || base.SignatureMatches(header!, signingInput, signature, secret);
}

/// <summary>Mutant: ignores exp.</summary>
public sealed class ExpIgnored : CorrectAuthorizer
{
    protected override bool Expired(JsonObject claims, long now) => false;
}

/// <summary>Mutant: answers a token that does not verify with an Allow for everything (principal <c>anonymous</c>).</summary>
public sealed class AllowAllForInvalidToken : CorrectAuthorizer
{
    protected override Stream Refuse(string methodArn) => Answer("anonymous", "Allow", "*", []);
}

/// <summary>Mutant: answers a token that does not verify with a Deny instead of failing with Unauthorized.</summary>
public sealed class DenyInsteadOfUnauthorized : CorrectAuthorizer
{
    protected override Stream Refuse(string methodArn) => Answer("anonymous", "Deny", StageWide(methodArn), []);
}

/// <summary>Mutant: fails with <c>Unauthorized: invalid token</c> (a detail after the word: 500, not 401).</summary>
public sealed class UnauthorizedWithDetail : CorrectAuthorizer
{
    protected override Stream Refuse(string methodArn) => throw new UnauthorizedException("Unauthorized: invalid token");
}
