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

    /// <summary>A copy that later edits of this plan do not change.</summary>
    public TokenPlan Snapshot()
    {
        var copy = new TokenPlan { Claims = (JsonObject)Claims.DeepClone(), Algorithm = Algorithm, Key = Key, Attack = Attack, Raw = Raw };
        foreach (var (name, value) in HeaderEdits)
            copy.HeaderEdits[name] = value?.DeepClone();
        return copy;
    }

    /// <summary>The token text, signed with the run's keys.</summary>
    public string Build(DateTimeOffset now) => Build(now, SuiteKeys.Ring.For, Key);

    /// <summary>
    /// The same token signed with other keys: <paramref name="keyFor"/> stands for the run's key of an algorithm, and
    /// <paramref name="explicitKey"/> for the key the plan names (a key the authorizer does not know), if any.
    /// </summary>
    public string Build(DateTimeOffset now, Func<string, SigningKey> keyFor, SigningKey? explicitKey)
    {
        ArgumentNullException.ThrowIfNull(keyFor);
        if (Raw is not null)
            return Raw;
        var key = Key is null ? keyFor(Algorithm) : explicitKey ?? Key;
        if (Attack is { } attack)
            return JwtAttacks.Mint(attack, new AttackInput((JsonObject)Claims.DeepClone(), Algorithm, key, now));
        return TokenFactory.Mint((JsonObject)Claims.DeepClone(), Algorithm, key, header =>
        {
            foreach (var (name, value) in HeaderEdits)
                header[name] = value?.DeepClone();
        });
    }
}
