using System.Text;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Gateway;

namespace AuthorizerConformance.Fuzz.Targets;

/// <summary>
/// The token readers: the reference authorizer's <see cref="TokenExtractor"/> and <see cref="StrictJwt"/>, then both
/// redactions (the harness's <see cref="Redaction"/> and the authorizer's <see cref="LogSafe"/>), which must hide
/// the signature of every token the authorizer would read (issue 16 defect 3).
/// </summary>
internal static class TokenTarget
{
    // A signature shorter than this may occur by chance in the rest of the text; longer ones are checked.
    private const int CheckedSignatureLength = 16;

    public static FuzzVerdict Classify(byte[] input)
    {
        var raw = Encoding.UTF8.GetString(input);
        var harness = Redaction.Redact(raw);
        var authorizer = LogSafe.Redact(raw);
        string token;
        try
        {
            token = TokenExtractor.Extract(raw);
        }
        catch (UnauthorizedException e)
        {
            return FuzzVerdict.Refused(e.Reason);
        }
        try
        {
            using var jwt = StrictJwt.Parse(token);
            var signature = token[(token.LastIndexOf('.') + 1)..];
            if (signature.Length >= CheckedSignatureLength && !token[..^signature.Length].Contains(signature, StringComparison.Ordinal))
            {
                if (harness.Contains(signature, StringComparison.Ordinal))
                    throw new FuzzInvariantException("Redaction.Redact leaves the signature of a token the authorizer reads");
                if (authorizer.Contains(signature, StringComparison.Ordinal))
                    throw new FuzzInvariantException("LogSafe.Redact leaves the signature of a token the authorizer reads");
                if (LogSafe.Token(token).Contains(signature, StringComparison.Ordinal))
                    throw new FuzzInvariantException("LogSafe.Token leaves the signature");
            }
            return FuzzVerdict.Accepted($"alg {jwt.HeaderString("alg") ?? "(none)"}, signed {jwt.HasSignature}");
        }
        catch (UnauthorizedException e)
        {
            return FuzzVerdict.Refused(e.Reason);
        }
    }
}
