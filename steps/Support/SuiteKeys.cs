using System.Security.Cryptography;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Steps.Support;

/// <summary>
/// The keys of this test run, generated when it starts (nothing secret is committed or printed): an HMAC secret,
/// RSA-2048, EC P-256 and P-384. The public halves are written once to a JWKS file the authorizer under test reads.
/// </summary>
public static class SuiteKeys
{
    private static readonly Lazy<TestKeyRing> LazyRing = new(() => new TestKeyRing(RandomNumberGenerator.GetInt32(int.MaxValue)));
    private static readonly Lazy<string> LazyJwksFile = new(WriteJwks);

    /// <summary>The key ring.</summary>
    public static TestKeyRing Ring => LazyRing.Value;

    /// <summary>A JWKS file with the ring's public RSA and EC keys.</summary>
    public static string JwksFile => LazyJwksFile.Value;

    /// <summary>An HMAC secret the authorizer does not know.</summary>
    public static SigningKey ForeignHmac { get; } = SigningKey.Hmac(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));

    private static string WriteJwks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"authz-suite-{Environment.ProcessId}-{Guid.NewGuid():N}.jwks.json");
        File.WriteAllText(path, Ring.JwksJson());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
