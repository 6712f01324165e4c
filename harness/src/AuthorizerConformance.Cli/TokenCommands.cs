using System.CommandLine;
using System.Globalization;
using AuthorizerConformance.Harness.Inputs;
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
        else if (File.Exists(text) || text.StartsWith("/dev/", StringComparison.Ordinal))
            json = ReadBounded(text, InputLimits.ClaimsFileBytes, "--claims");
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
        if (!keyFile.Exists && !keyFile.FullName.StartsWith("/dev/", StringComparison.Ordinal))
            throw new UsageException($"--key: file '{keyFile.FullName}' not found.");
        try
        {
            return SigningKey.FromPem(ReadBounded(keyFile.FullName, InputLimits.KeyFileBytes, "--key"));
        }
        catch (ArgumentException)
        {
            // Never echo the file: it holds a private key.
            throw new UsageException($"--key: '{keyFile.FullName}' is not a PEM RSA or EC private key.");
        }
    }

    private static string ReadBounded(string path, int maxBytes, string what)
    {
        try
        {
            return BoundedInput.ReadFile(path, maxBytes, what);
        }
        catch (InputException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The longest <c>--exp</c>: 100 years (a test token needs no more; <c>exp</c> stays far inside the calendar).</summary>
    internal static readonly TimeSpan MaxDuration = TimeSpan.FromDays(36_525);

    /// <summary><c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>, up to <see cref="MaxDuration"/> (issue 16 defect 10: no overflow).</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        if (text.Length is >= 2 and <= 20 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var unit = text[^1] switch { 's' => 1L, 'm' => 60L, 'h' => 3600L, 'd' => 86_400L, _ => 0L };
            if (unit > 0)
            {
                // Compare before multiplying: n × unit may not fit in a long.
                if (n > (long)MaxDuration.TotalSeconds / unit)
                    throw new UsageException($"--exp: '{text}' is longer than the 100-year limit (36525d).");
                return TimeSpan.FromSeconds(n * unit);
            }
        }
        throw new UsageException($"--exp: '{text}' is not a duration such as 30s, 5m, 2h or 1d.");
    }
}
