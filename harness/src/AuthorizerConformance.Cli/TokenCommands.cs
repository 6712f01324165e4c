using System.CommandLine;
using System.Globalization;
using AuthorizerConformance.Harness.Tokens;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz token mint --claims FILE|JSON --alg ALG (--key FILE | --secret VALUE) [--exp 5m] [--attack NAME]</c>:
/// prints one signed test token (the one place a token is printed on purpose).
/// </summary>
public static class TokenCommands
{
    public static Command Create()
    {
        var claims = new Option<string>("--claims") { Description = "Claims: a JSON file path or inline JSON", Required = true };
        var alg = new Option<string>("--alg") { Description = $"Signing algorithm: {string.Join(", ", JwsSigner.Algorithms)}", Required = true };
        var key = new Option<FileInfo?>("--key") { Description = "PEM private key (RSA or EC) for RS*/PS*/ES*" };
        var secret = new Option<string?>("--secret") { Description = "Shared secret for HS*" };
        var exp = new Option<string?>("--exp") { Description = "Expiry relative to now, e.g. 30s, 5m, 2h, 1d (also sets iat when absent)" };
        var attack = new Option<string?>("--attack") { Description = "Produce a hostile variant by name (see the list on error)" };
        var mint = new Command("mint", "Issue a signed test JWT") { claims, alg, key, secret, exp, attack };
        mint.SetAction(parse => CliErrors.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var token = Mint(parse.GetValue(claims)!, parse.GetValue(alg)!, parse.GetValue(key), parse.GetValue(secret), parse.GetValue(exp), parse.GetValue(attack));
            parse.InvocationConfiguration.Output.WriteLine(token);
        }));
        return new Command("token", "Test tokens") { mint };
    }

    private static string Mint(string claimsText, string alg, FileInfo? keyFile, string? secret, string? exp, string? attackName)
    {
        var attack = attackName is null ? null
            : JwtAttacks.Find(attackName) ?? throw new UsageException(
                $"--attack: unknown attack '{attackName}'. Valid names:\n" + string.Join('\n', JwtAttacks.All.Select(a => $"  {a.Name,-28} {a.Description}")));
        if (!JwsSigner.Algorithms.Contains(alg))
            throw new UsageException($"--alg: '{alg}' is not one of {string.Join(", ", JwsSigner.Algorithms)}.");
        var now = DateTimeOffset.UtcNow;
        var builder = ReadClaims(claimsText);
        if (exp is not null)
        {
            builder.ExpiresAt(now + ParseDuration(exp));
            if (!builder.Build().ContainsKey("iat"))
                builder.IssuedAt(now);
        }
        using var signingKey = ReadKey(alg, keyFile, secret);
        try
        {
            return attack is null
                ? TokenFactory.Mint(builder.Build(), alg, signingKey)
                : JwtAttacks.Mint(attack.Attack, new AttackInput(builder.Build(), alg, signingKey, now));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static ClaimsBuilder ReadClaims(string text)
    {
        var trimmed = text.TrimStart();
        string json;
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            json = text;
        else if (File.Exists(text))
            json = File.ReadAllText(text);
        else
            throw new UsageException($"--claims: '{text}' is neither inline JSON nor an existing file.");
        try
        {
            return ClaimsBuilder.FromJson(json);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--claims: {e.Message}");
        }
    }

    private static SigningKey ReadKey(string alg, FileInfo? keyFile, string? secret)
    {
        var hmac = alg.StartsWith("HS", StringComparison.Ordinal);
        if (hmac && (secret is null || keyFile is not null))
            throw new UsageException($"--alg {alg} needs --secret VALUE (and no --key).");
        if (hmac)
        {
            try
            {
                return SigningKey.Hmac(secret!);
            }
            catch (ArgumentException e)
            {
                // Never echo the secret.
                throw new UsageException($"--secret: {e.Message}");
            }
        }
        if (keyFile is null || secret is not null)
            throw new UsageException($"--alg {alg} needs --key FILE with a PEM private key (and no --secret).");
        if (!keyFile.Exists)
            throw new UsageException($"--key: file '{keyFile.FullName}' not found.");
        try
        {
            return SigningKey.FromPem(File.ReadAllText(keyFile.FullName));
        }
        catch (ArgumentException)
        {
            // Never echo the file: it holds a private key.
            throw new UsageException($"--key: '{keyFile.FullName}' is not a PEM RSA or EC private key.");
        }
    }

    /// <summary><c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }
        throw new UsageException($"--exp: '{text}' is not a duration such as 30s, 5m, 2h or 1d.");
    }
}
