using System.Security.Cryptography;
using System.Text.Json;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Harness.Tokens;

/// <summary>
/// Reads a run's key material from a file (<see cref="RunKeys.KeysFileVariable"/>) instead of generating it: a JSON object
/// with exactly <c>secret</c> (the HS secret, at least 32 characters), <c>rsa</c> (an RSA private key, PEM, at least 2048
/// bits), <c>ec256</c> and <c>ec384</c> (EC P-256 and P-384 private keys, PEM). For an authorizer that trusts fixed keys,
/// and for the secret-canary test, which must know every key to look for it. Errors name the file and the member, never
/// a key's text.
/// </summary>
internal static class KeysFile
{
    private static readonly string[] Members = ["secret", "rsa", "ec256", "ec384"];

    /// <exception cref="InputException">The file cannot be read or is not a keys file; the message says what is wrong.</exception>
    public static TestKeyRing Read(string path)
    {
        var what = $"{RunKeys.KeysFileVariable} '{path}'";
        var text = BoundedInput.ReadFile(path, InputLimits.KeyFileBytes, what);
        JsonDocument document;
        try
        {
            document = StrictJson.Parse(text, new JsonDocumentOptions { MaxDepth = 4, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            // The reader's message names a position, never the text.
            throw new InputException($"{what}: not JSON: {e.Message}");
        }
        using (document)
        {
            // Half a surrogate pair as an escape is valid JSON but not text: name it instead of failing on reading it.
            if (JsonTextCheck.FirstNonText(document.RootElement, "$") is { } notText)
                throw new InputException($"{what}: {notText.Path}: {notText.Message}");
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InputException($"{what}: $: expected an object with the members {string.Join(", ", Members)}");
            var problems = new List<string>();
            problems.AddRange(root.EnumerateObject().Where(p => !Members.Contains(p.Name, StringComparer.Ordinal))
                .Select(p => $"$.{p.Name}: unknown key; expected one of {string.Join(", ", Members)}"));
            string Text(string name)
            {
                if (root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
                    return s;
                problems.Add($"$.{name}: required, a non-empty string");
                return "";
            }
            var (secret, rsaPem, ec256Pem, ec384Pem) = (Text("secret"), Text("rsa"), Text("ec256"), Text("ec384"));
            if (secret.Length is > 0 and < 32)
                problems.Add("$.secret: at least 32 characters (HS256 needs 256 bits)");
            var rsa = Import(RSA.Create, rsaPem, "rsa", k => k.KeySize >= 2048, "an RSA private key of at least 2048 bits", problems);
            var ec256 = Import(ECDsa.Create, ec256Pem, "ec256", k => k.KeySize == 256, "an EC P-256 private key", problems);
            var ec384 = Import(ECDsa.Create, ec384Pem, "ec384", k => k.KeySize == 384, "an EC P-384 private key", problems);
            if (problems.Count > 0)
            {
                rsa?.Dispose();
                ec256?.Dispose();
                ec384?.Dispose();
                throw new InputException($"{what}: {string.Join("; ", problems)}");
            }
            return new TestKeyRing(secret, rsa!, ec256!, ec384!);
        }
    }

    private static TKey? Import<TKey>(Func<TKey> create, string pem, string member, Func<TKey, bool> fits, string expected, List<string> problems)
        where TKey : AsymmetricAlgorithm
    {
        if (pem.Length == 0)
            return null;
        var key = create();
        try
        {
            key.ImportFromPem(pem);
            if (fits(key))
                return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // Reported below without the exception's text (it may quote the PEM).
        }
        key.Dispose();
        problems.Add($"$.{member}: expected {expected} in PEM");
        return null;
    }
}
