using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Preconditions on the contract of the authorizer under test, read from its profile. A scenario about a promise the
/// profile does not make (an issuer check, an algorithm, a context claim) is skipped with the reason, never passed.
/// </summary>
[Binding]
public sealed class ProfileSteps(Stage stage)
{
    [Given("the authorizer under test reads the token from the Authorization header")]
    public static void ReadsAuthorization() =>
        Stage.Require(Stage.Profile.ReadsAuthorizationHeader, $"its identitySource is {string.Join(", ", Stage.Profile.IdentitySource)}, not the Authorization header.");

    [Given("the authorizer under test accepts {word} tokens")]
    public static void Accepts(string algorithm) =>
        Stage.Require(Stage.Profile.Tokens.Algorithms.Contains(algorithm), $"its tokens.alg ({string.Join(", ", Stage.Profile.Tokens.Algorithms)}) does not list {algorithm}.");

    [Given("the authorizer under test does not accept {word} tokens")]
    public static void DoesNotAccept(string algorithm) =>
        Stage.Require(!Stage.Profile.Tokens.Algorithms.Contains(algorithm), $"its tokens.alg lists {algorithm}.");

    [Given("the authorizer under test checks the {string} claim")]
    public static void Checks(string claim)
    {
        var tokens = Stage.Profile.Tokens;
        var checkedClaim = claim switch
        {
            "iss" => tokens.Issuers.Count > 0,
            "aud" => tokens.Audiences.Count > 0,
            _ => tokens.RequiredClaims.Contains(claim),
        };
        Stage.Require(checkedClaim, claim switch
        {
            "iss" => "it names no tokens.issuer, so the issuer is not part of its contract.",
            "aud" => "it names no tokens.audience, so the audience is not part of its contract.",
            _ => $"its tokens.requiredClaims does not list {claim}.",
        });
    }

    [Given("the authorizer under test puts the claim {string} in its context")]
    public static void PutsInContext(string claim) =>
        Stage.Require(Stage.Profile.Context.Promises(claim), $"its context ({Stage.Profile.Context}) does not promise the claim {claim}.");

    [Given("the token has none of the principal claims")]
    public void WithoutPrincipal()
    {
        var plan = stage.EditToken();
        foreach (var claim in Stage.Profile.PrincipalClaims)
            plan.Claims.Remove(claim);
    }
}
