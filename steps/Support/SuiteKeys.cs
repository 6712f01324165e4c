using AuthorizerConformance.Harness.Targets;
using AuthorizerConformance.Harness.Tokens;
using AuthorizerConformance.Reqnroll.xUnit3;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// The keys of this test run, generated when it starts (nothing secret is committed or printed): an HMAC secret,
/// RSA-2048, EC P-256 and P-384 (or those of the file AUTHZ_KEYS_FILE names). The authorizer under test gets them as its profile's <c>tokens</c> says; a deployed
/// authorizer's tokens are signed with the user's own secret or private key instead (its profile's <c>tokens.secret</c>,
/// <c>tokens.privateKey</c>).
/// </summary>
public static class SuiteKeys
{
    private static readonly Lazy<RunKeys> LazyKeys = new(ConformanceTargets.KeysFromEnvironment);

    /// <summary>
    /// Starts generating the run's keys and the attacker's key on a thread of its own (RSA-2048 takes ≈ 0.1–0.5 s of CPU a
    /// key, depending on the draw), so it overlaps discovery and Reqnroll's start instead of delaying the first scenarios. A
    /// failure (a bad AUTHZ_KEYS_FILE or profile) stays in the lazy value and is thrown where the keys are first used,
    /// as without this.
    /// </summary>
    public static void GenerateInBackground() =>
        // One after the other on one thread: every scenario waits for the run's keys (its authorizer trusts their JWKS),
        // only the attack scenarios, later in the run, for the attacker's; discovery keeps the other core.
        StartUpWork.Start(() =>
        {
            try
            {
                _ = LazyKeys.Value;
            }
            finally
            {
                JwtAttacks.GenerateAttackerKey();
            }
        });

    /// <summary>The run's keys.</summary>
    public static RunKeys Keys => LazyKeys.Value;

    /// <summary>The key ring.</summary>
    public static TestKeyRing Ring => Keys.Ring;

    /// <summary>A JWKS file with the ring's public RSA and EC keys.</summary>
    public static string JwksFile => Keys.JwksFile;

    /// <summary>An HMAC secret the authorizer does not know.</summary>
    public static SigningKey ForeignHmac => Keys.ForeignHmac;
}
