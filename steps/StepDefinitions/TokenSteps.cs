using System.Text;
using AuthorizerConformance.Steps.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reqnroll;

namespace AuthorizerConformance.Steps.StepDefinitions;

/// <summary>Tokens, built at run time from claims tables and the run's generated keys.</summary>
[Binding]
public sealed class TokenSteps(ScenarioState state)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    [Given("a token signed with the authorizer's secret with claims:")]
    public void GivenATokenSignedWithTheAuthorizersSecret(Claims claims) => state.Token = Sign(claims, TestSecrets.AuthorizerSecret);

    [Given("a token signed with another secret with claims:")]
    public void GivenATokenSignedWithAnotherSecret(Claims claims) => state.Token = Sign(claims, TestSecrets.OtherSecret);

    [Given("the raw token {string}")]
    public void GivenTheRawToken(string token) => state.Token = token;

    /// <summary>A claims table (<c>| claim | value |</c>) becomes a claim set.</summary>
    [StepArgumentTransformation]
    public static Claims ToClaims(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new Claims(table.Rows.ToDictionary(row => row["claim"], row => (object)row["value"], StringComparer.Ordinal));
    }

    private string Sign(Claims claims, string secret) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Claims = claims.Values,
        IssuedAt = state.Clock.GetUtcNow().UtcDateTime,
        Expires = state.Clock.GetUtcNow().UtcDateTime.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
    });
}

/// <summary>The claims a scenario puts into a token.</summary>
public sealed record Claims(IDictionary<string, object> Values);
