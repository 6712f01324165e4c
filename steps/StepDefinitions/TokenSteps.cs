using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Tokens;
using AuthorizerConformance.Steps.Support;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>
/// Tokens, built from the run's generated keys at the scenario's clock: standard claims (sub, iss, aud, iat, exp in
/// 5 minutes), edited by the steps; the hostile variants by name; or raw text.
/// </summary>
[Binding]
public sealed class TokenSteps(Stage stage)
{
    [Given("a valid token")]
    public void ValidToken() => stage.NewToken();

    [Given("a valid token with the claims:")]
    public void ValidTokenWithClaims(DataTable claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var plan = stage.NewToken();
        foreach (var row in claims.Rows)
            plan.Claims[row["claim"]] = JsonText.Value(row["value"]);
    }

    [Given("a token with only the claims:")]
    public void TokenWithOnlyClaims(DataTable claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var plan = stage.NewToken();
        plan.Claims = [];
        foreach (var row in claims.Rows)
            plan.Claims[row["claim"]] = JsonText.Value(row["value"]);
    }

    [Given("the token has the claim {string} set to {string}")]
    [Given("the token has the claim {string} set to:")]
    public void Claim(string name, string json) => stage.EditToken().Claims[name] = JsonText.Value(json);

    [Given("the token has no {string} claim")]
    public void WithoutClaim(string name) => stage.EditToken().Claims.Remove(name);

    [Given("the token is signed with {word}")]
    public void SignedWith(string algorithm) => stage.EditToken().Algorithm = algorithm;

    [Given("the token is signed with a key the authorizer does not know")]
    public void ForeignKey()
    {
        var plan = stage.EditToken();
        plan.Algorithm = "HS256";
        plan.Key = SuiteKeys.ForeignHmac;
    }

    /// <summary>HS256 with the empty string as its key: what an attacker signs with when an authorizer verifies with an
    /// empty secret (RFC 8725 §3.5).</summary>
    [Given("the token is signed with an empty HS256 secret")]
    public void EmptySecret()
    {
        var plan = stage.EditToken();
        plan.Algorithm = "HS256";
        plan.Key = EmptyKey;
    }

    private static readonly SigningKey EmptyKey = SigningKey.Hmac([]);

    [Given("the token expired {duration} ago")]
    public void Expired(TimeSpan ago)
    {
        var now = stage.Session.Now;
        stage.EditToken().Claims["iat"] = (now - ago - TimeSpan.FromMinutes(5)).ToUnixTimeSeconds();
        stage.EditToken().Claims["exp"] = (now - ago).ToUnixTimeSeconds();
    }

    [Given("the token becomes valid in {duration}")]
    public void NotYetValid(TimeSpan inFuture) =>
        stage.EditToken().Claims["nbf"] = (stage.Session.Now + inFuture).ToUnixTimeSeconds();

    [Given("the token was issued {duration} in the future")]
    public void IssuedInFuture(TimeSpan inFuture)
    {
        var plan = stage.EditToken();
        plan.Claims["iat"] = (stage.Session.Now + inFuture).ToUnixTimeSeconds();
        plan.Claims["exp"] = (stage.Session.Now + inFuture + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds();
    }

    [Given("the token expires in {duration}")]
    public void ExpiresIn(TimeSpan lifetime) => stage.EditToken().Claims["exp"] = (stage.Session.Now + lifetime).ToUnixTimeSeconds();

    [Given("the token is the hostile variant {string}")]
    public void Hostile(string name) =>
        stage.EditToken().Attack = (JwtAttacks.Find(name) ?? throw new InvalidOperationException(
            $"No hostile token variant '{name}'. Known: {string.Join(", ", JwtAttacks.All.Select(a => a.Name))}")).Attack;

    [Given("the token header {string} is {string}")]
    [Given("the token header {string} is:")]
    public void Header(string name, string json) => stage.EditToken().HeaderEdits[name] = JsonText.Value(json);

    [Given("the raw token {string}")]
    public void Raw(string token) => stage.NewToken().Raw = token;
}
