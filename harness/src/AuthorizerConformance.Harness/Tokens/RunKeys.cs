using System.Security.Cryptography;

namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// The keys of one test run, generated when it starts (nothing secret is committed or printed): the key ring (an HMAC
/// secret, RSA-2048, EC P-256 and P-384), its public JWKS as text and as a temporary file (deleted on dispose or at
/// process exit), and an HMAC secret no authorizer knows.
/// </summary>
public sealed class RunKeys : IDisposable
{
    private readonly Lazy<string> _jwksFile;

    private RunKeys(TestKeyRing ring)
    {
        Ring = ring;
        JwksJson = ring.JwksJson();
        _jwksFile = new Lazy<string>(WriteJwks);
    }

    /// <summary>The key ring.</summary>
    public TestKeyRing Ring { get; }

    /// <summary>The HMAC secret as text (what goes into the profile's <c>tokens.secretEnv</c>).</summary>
    public string Secret => Ring.Secret;

    /// <summary>The public JWKS (RSA and EC keys) as JSON text.</summary>
    public string JwksJson { get; }

    /// <summary>A file holding <see cref="JwksJson"/>, written on first use.</summary>
    public string JwksFile => _jwksFile.Value;

    /// <summary>An HMAC secret no authorizer under test knows.</summary>
    public SigningKey ForeignHmac { get; } = SigningKey.Hmac(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));

    /// <summary>Fresh keys from a random seed.</summary>
    public static RunKeys Create() => new(new TestKeyRing(RandomNumberGenerator.GetInt32(int.MaxValue)));

    /// <summary>
    /// The run's keys for <paramref name="profile"/>: fresh ones, except for a deployed authorizer whose
    /// <c>tokens.secret</c> / <c>tokens.privateKey</c> name environment variables: their values (read from
    /// <paramref name="environment"/>, default the process's) sign its tokens. The values are never written anywhere; the
    /// secret joins <see cref="Secrets"/>, so it is redacted like the run's own.
    /// </summary>
    /// <exception cref="Profiles.ProfileException">A named variable is not set or does not hold a usable key.</exception>
    public static RunKeys For(Profiles.AuthorizerProfile profile, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var tokens = profile.Tokens;
        if (tokens.Secret is null && tokens.PrivateKey is null)
            return Create();
        var read = environment ?? Environment.GetEnvironmentVariable;
        var where = profile.SourceFile ?? profile.Name;
        string? secret = null;
        if (tokens.Secret is { } secretVariable)
        {
            secret = read(secretVariable);
            if (string.IsNullOrEmpty(secret))
                throw new Profiles.ProfileException($"{where}: $.tokens.secret: the environment variable {secretVariable} is not set (it must hold the secret the deployed authorizer verifies HS tokens with)");
        }
        SigningKey? key = null;
        if (tokens.PrivateKey is { } keyVariable)
        {
            var pem = read(keyVariable);
            if (string.IsNullOrEmpty(pem))
                throw new Profiles.ProfileException($"{where}: $.tokens.privateKey: the environment variable {keyVariable} is not set (it must hold a PEM RSA or EC private key)");
            try
            {
                key = SigningKey.FromPem(pem, tokens.Kid);
            }
            catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                // The message never quotes the key.
                throw new Profiles.ProfileException($"{where}: $.tokens.privateKey: the environment variable {keyVariable} holds no PEM RSA or EC private key");
            }
        }
        return new RunKeys(new TestKeyRing(secret, key));
    }

    /// <summary>Every secret text of the run, for redaction and leak checks.</summary>
    public IReadOnlyList<string> Secrets => [Secret];

    public void Dispose()
    {
        if (_jwksFile.IsValueCreated)
            File.Delete(_jwksFile.Value);
        Ring.Dispose();
        ForeignHmac.Dispose();
    }

    private string WriteJwks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"authz-run-{Environment.ProcessId}-{Guid.NewGuid():N}.jwks.json");
        File.WriteAllText(path, JwksJson);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
