using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AuthorizerConformance.Harness.Canaries;

/// <summary>
/// Finds compact JWS runs (<c>header.payload.signature</c>, base64url) in a text and checks each against the canary keys
/// with every algorithm the harness signs with, whatever the header claims: a token that still verifies is a leak, however
/// it got there.
/// </summary>
internal static partial class CanaryTokens
{
    public static bool Verifies(string token, SecretCanaries keys) => VerifiedBy(token, keys) is not null;

    /// <summary>For each verifying token in <paramref name="text"/>: which key it verifies under (never the token).</summary>
    public static IEnumerable<string> VerifyingIn(string text, SecretCanaries keys)
    {
        // Every three consecutive parts of every dotted run: a token glued to other dotted text is still found.
        foreach (Match m in DottedRun().Matches(text))
        {
            var parts = m.Value.Split('.');
            for (var i = 0; i + 2 < parts.Length; i++)
            {
                if (parts[i + 2].Length >= 16 && VerifiedBy($"{parts[i]}.{parts[i + 1]}.{parts[i + 2]}", keys) is { } key)
                    yield return key;
            }
        }
    }

    private static string? VerifiedBy(string token, SecretCanaries keys)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[2].Length == 0)
            return null;
        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return null;
        }
        var input = Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
        var secret = Encoding.UTF8.GetBytes(keys.HsSecret);
        if (CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(secret, input), signature)
            || CryptographicOperations.FixedTimeEquals(HMACSHA384.HashData(secret, input), signature)
            || CryptographicOperations.FixedTimeEquals(HMACSHA512.HashData(secret, input), signature))
            return "HS secret";
        foreach (var hash in new[] { HashAlgorithmName.SHA256, HashAlgorithmName.SHA384, HashAlgorithmName.SHA512 })
        {
            if (signature.Length == 256 && (keys.Rsa.VerifyData(input, signature, hash, RSASignaturePadding.Pkcs1)
                                            || keys.Rsa.VerifyData(input, signature, hash, RSASignaturePadding.Pss)))
                return "RSA key";
            if (keys.Ec256.VerifyData(input, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                || keys.Ec384.VerifyData(input, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                return "EC key";
        }
        return null;
    }

    [GeneratedRegex(@"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){2,}")]
    private static partial Regex DottedRun();
}
