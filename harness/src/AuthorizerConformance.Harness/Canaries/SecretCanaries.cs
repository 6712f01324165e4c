using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Harness.Canaries;

/// <summary>
/// Canary secrets for a whole test run: key material (an HS secret, RSA-2048, EC P-256 and P-384 private keys) written
/// to a keys file the run reads through <see cref="RunKeys.KeysFileVariable"/>, and AWS credentials (access key id,
/// secret access key, session token) put in the run's environment. <see cref="Find"/> then looks for every one of them
/// in whatever the run printed or wrote, in every shape it could take there (PEM lines, JWK members in base64url and
/// base64, the HS secret as text and as bytes), and for any token that still verifies under the canary keys.
/// </summary>
public sealed class SecretCanaries : IDisposable
{
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    private SecretCanaries(string folder)
    {
        Folder = folder;
        // Recognisable, unique and long enough for the value pass of the redaction (and for a search to mean something).
        HsSecret = "canaryHS" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(42));
        Rsa = RSA.Create(2048);
        Ec256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Ec384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        AccessKeyId = "ASIA" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        SecretAccessKey = "canarySAK" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        SessionToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(180)); // random from its first character, as a prefix leak must be seen
        KeysFile = Path.Combine(folder, "canary-keys.json");
        File.WriteAllText(KeysFile, new JsonObject
        {
            ["secret"] = HsSecret, ["rsa"] = Rsa.ExportPkcs8PrivateKeyPem(), ["ec256"] = Ec256.ExportPkcs8PrivateKeyPem(), ["ec384"] = Ec384.ExportPkcs8PrivateKeyPem(),
        }.ToJsonString());
        NameAll();
    }

    /// <summary>The folder the keys file is in (not one of the run's outputs).</summary>
    public string Folder { get; }

    /// <summary>The keys file (<see cref="RunKeys.KeysFileVariable"/>).</summary>
    public string KeysFile { get; }

    public string HsSecret { get; }
    public RSA Rsa { get; }
    public ECDsa Ec256 { get; }
    public ECDsa Ec384 { get; }
    public string AccessKeyId { get; }
    public string SecretAccessKey { get; }
    public string SessionToken { get; }

    /// <summary>Every canary text, by what it is (<c>RSA private key JWK d (base64url)</c>…).</summary>
    public IReadOnlyDictionary<string, string> Named => _named;

    /// <summary>New canaries, their keys file in a new folder under the temporary folder.</summary>
    public static SecretCanaries Create() => new(Directory.CreateTempSubdirectory("authz-canaries-").FullName);

    /// <summary>The environment a run gets: the keys file and the AWS credentials.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RunKeys.KeysFileVariable] = KeysFile,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = SessionToken,
    };

    /// <summary>Whether <paramref name="token"/> (a compact JWS) verifies under one of the canary keys, whatever its header says.</summary>
    public bool Verifies(string token) => CanaryTokens.Verifies(token, this);

    /// <summary>
    /// What of the canaries <paramref name="text"/> (named <paramref name="source"/>) holds, in words: every named canary,
    /// the whole text and the signature of every token of <paramref name="tokens"/>, and any compact JWS that verifies under
    /// the canary keys. The text is also searched after undoing JSON, HTML/XML and base64 (attachment) encodings. Findings
    /// never quote the canary.
    /// </summary>
    public IReadOnlyList<string> Find(string source, string text, IReadOnlyCollection<string>? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new Dictionary<string, string>(StringComparer.Ordinal); // what leaked → the first view it shows in
        void Found(string what, string where) => findings.TryAdd(what, $"{source}{where}: {what}");
        foreach (var view in CanaryViews.Of(text))
        {
            foreach (var (name, _) in _named.Where(n => view.Text.Contains(n.Value, StringComparison.Ordinal)))
                Found($"the {name}", view.Where);
            foreach (var token in tokens ?? [])
            {
                var signature = token[(token.LastIndexOf('.') + 1)..];
                if (view.Text.Contains(token, StringComparison.Ordinal))
                    Found("a whole token the function received", view.Where);
                else if (signature.Length >= LogLeaks.MinimumSignatureLength && view.Text.Contains(signature, StringComparison.Ordinal))
                    Found("the signature of a token the function received", view.Where);
            }
            foreach (var key in CanaryTokens.VerifyingIn(view.Text, this))
                Found($"a token that verifies under the canary {key}", view.Where);
        }
        return [.. findings.Values];
    }

    /// <summary>How many base64 attachment bodies <paramref name="text"/> holds (the decoded view <see cref="Find"/> also searches).</summary>
    public static int Base64Attachments(string text) => CanaryViews.Base64Bodies(text);

    public void Dispose()
    {
        Rsa.Dispose();
        Ec256.Dispose();
        Ec384.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private void NameAll()
    {
        var hs = Encoding.UTF8.GetBytes(HsSecret);
        _named["HS secret"] = HsSecret;
        _named["HS secret (base64url bytes, a JWK k)"] = Base64Url.EncodeToString(hs);
        _named["HS secret (base64 bytes)"] = Convert.ToBase64String(hs);
        var rsa = Rsa.ExportParameters(includePrivateParameters: true);
        foreach (var (member, value) in new[] { ("d", rsa.D!), ("p", rsa.P!), ("q", rsa.Q!), ("dp", rsa.DP!), ("dq", rsa.DQ!), ("qi", rsa.InverseQ!) })
            NameBytes($"RSA private key JWK {member}", value);
        NamePem("RSA private key PKCS#8 PEM", Rsa.ExportPkcs8PrivateKeyPem(), Rsa);
        NamePem("RSA private key PKCS#1 PEM", Rsa.ExportRSAPrivateKeyPem(), Rsa);
        foreach (var (curve, ec) in new[] { ("P-256", Ec256), ("P-384", Ec384) })
        {
            NameBytes($"EC {curve} private key JWK d", ec.ExportParameters(includePrivateParameters: true).D!);
            NamePem($"EC {curve} private key PKCS#8 PEM", ec.ExportPkcs8PrivateKeyPem(), ec);
            NamePem($"EC {curve} private key SEC1 PEM", ec.ExportECPrivateKeyPem(), ec);
        }
        _named["AWS access key id"] = AccessKeyId;
        _named["AWS secret access key"] = SecretAccessKey;
        _named["AWS session token"] = SessionToken;
        _named["AWS session token (first 16 characters)"] = SessionToken[..16];
    }

    private void NameBytes(string name, byte[] value)
    {
        _named[name + " (base64url)"] = Base64Url.EncodeToString(value);
        _named[name + " (base64)"] = Convert.ToBase64String(value);
    }

    /// <summary>
    /// Each line of a PEM body: a single line leaked is a leak. Its header and footer are public text, and so is a line
    /// that only encodes the public key (a PKCS#1 key's modulus can fall on base64 boundaries and read exactly as the
    /// JWKS's <c>n</c>): such a line is left out.
    /// </summary>
    private void NamePem(string name, string pem, AsymmetricAlgorithm key)
    {
        var publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var publicParts = key is RSA rsa
            ? [Convert.ToBase64String(rsa.ExportParameters(false).Modulus!), Convert.ToBase64String(rsa.ExportParameters(false).Exponent!)]
            : new[] { ((ECDsa)key).ExportParameters(false) }.SelectMany(p => new[] { Convert.ToBase64String(p.Q.X!), Convert.ToBase64String(p.Q.Y!), Convert.ToBase64String([.. p.Q.X!, .. p.Q.Y!]) }).ToArray();
        var lines = pem.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length >= 16 && !publicKey.Contains(line, StringComparison.Ordinal) && !publicParts.Any(p => p.Contains(line, StringComparison.Ordinal)))
                _named[$"{name} line {i + 1}"] = line;
        }
    }
}
