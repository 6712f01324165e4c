using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// How the scenario's token is to be built: standard claims (sub, iss, aud, iat, exp) at the scenario's clock,
/// edited by the steps, signed with the run's key for <see cref="Algorithm"/>; or a hostile variant; or raw text.
/// </summary>
public sealed class TokenPlan
{
    public JsonObject Claims { get; set; } = [];
    public string Algorithm { get; set; } = "HS256";
    public SigningKey? Key { get; set; }
    public JwtAttack? Attack { get; set; }
    public string? Raw { get; set; }
    public Dictionary<string, JsonNode?> HeaderEdits { get; } = new(StringComparer.Ordinal);

    /// <summary>The token text.</summary>
    public string Build(DateTimeOffset now)
    {
        if (Raw is not null)
            return Raw;
        var key = Key ?? SuiteKeys.Ring.For(Algorithm);
        if (Attack is { } attack)
            return JwtAttacks.Mint(attack, new AttackInput((JsonObject)Claims.DeepClone(), Algorithm, key, now));
        return TokenFactory.Mint((JsonObject)Claims.DeepClone(), Algorithm, key, header =>
        {
            foreach (var (name, value) in HeaderEdits)
                header[name] = value?.DeepClone();
        });
    }
}
