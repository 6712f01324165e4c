using CsCheck;

namespace AuthorizerConformance.Policy.Tests.Generators;

/// <summary>
/// CsCheck generators for authorizer policies that mostly land near the request (§3 "generate inputs that reach the
/// interesting code"): each Resource is the request ARN mutated per segment into <c>*</c>, <c>?</c>, a prefix plus
/// <c>*</c>, a case flip or a sibling. Partition, region and account stay lower-case (oracle caveat 2).
/// </summary>
internal static class PolicyGen
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];
    private static readonly string[] Accounts = ["111111111111", "222222222222"];
    private static readonly string[] Apis = ["abc123", "xyz789"];
    private static readonly string[] Stages = ["prod", "dev"];
    private static readonly string[] Methods = ["GET", "POST", "DELETE"];
    private static readonly string[] PathParts = ["users", "42", "a", "b", "Users"];

    public static readonly string[] ActionPatterns =
        ["execute-api:Invoke", "execute-api:*", "*", "EXECUTE-API:invoke", "execute-api:Inv?ke", "execute-api:Inv*", "execute-api:InvalidateCache", "s3:GetObject", "execute-api:ManageConnections"];

    private static readonly string[] Conditions =
    [
        """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""",
        """{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""",
        """{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}""",
        """{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}""",
        """{"DateGreaterThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}""",
        """{"NumericLessThan":{"aws:EpochTime":"1900000000"}}""",
        """{"Bool":{"aws:SecureTransport":"true"}}""",
        """{"StringLike":{"aws:SourceIp":"10.*"}}""",
        """{"StringNotEquals":{"aws:SourceIp":"10.1.2.3"}}""",
        """{"Null":{"aws:SourceIp":"true"}}""",
        """{"StringEqualsIfExists":{"aws:SourceIp":"10.1.2.3"}}""",
        """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:SecureTransport":"true"}}""",
    ];

    /// <summary>(region, account, api, stage, method, path)</summary>
    public static readonly Gen<string[]> RequestParts =
        Gen.Select(Gen.OneOf(Regions), Gen.OneOf(Accounts), Gen.OneOf(Apis), Gen.OneOf(Stages), Gen.OneOf(Methods),
            Gen.OneOf(PathParts).Array[0, 3])
        .Select((r, a, api, s, m, p) => new[] { r, a, api, s, m, string.Join('/', p) });

    public static string Arn(string[] p) => $"arn:aws:execute-api:{p[0]}:{p[1]}:{p[2]}/{p[3]}/{p[4]}/{p[5]}";

    private static Gen<string> Segment(string actual, string[] siblings) => Gen.Frequency(
        (5, Gen.Const(actual)),
        (2, Gen.Const("*")),
        (1, Gen.OneOf(siblings)),
        (1, Gen.Const(actual.Length > 1 ? actual[..1] + "*" : "*")),
        (1, Gen.Const(actual.Length > 1 ? "?" + actual[1..] : "?")));

    private static Gen<string> PathPattern(string path) => Gen.Frequency(
        (4, Gen.Const(path)),
        (2, Gen.Const("*")),
        (1, Gen.Const(path.Length > 0 ? path[..(path.Length / 2)] + "*" : "*")),
        (1, Gen.Const(path.Length > 0 ? char.IsUpper(path[0]) ? char.ToLowerInvariant(path[0]) + path[1..] : char.ToUpperInvariant(path[0]) + path[1..] : "")),
        (1, Gen.Const(path.Length > 0 ? path[..^1] + "?" : "?")),
        (1, Gen.OneOf("users/*", "a/*/b", "*/42", "users")));

    public static Gen<string> ResourcePattern(string[] p) => Gen.Frequency(
        (12, Gen.Select(Segment(p[0], Regions), Segment(p[1], Accounts), Segment(p[2], Apis), Segment(p[3], Stages), Segment(p[4], Methods), PathPattern(p[5]))
            .Select((r, a, api, s, m, path) => $"arn:aws:execute-api:{r}:{a}:{api}/{s}/{m}/{path}")),
        (1, Gen.Const("*")),
        (1, Gen.OneOf("arn:aws:execute-api:*", $"arn:aws:execute-api:{p[0]}:*", "arn:aws:execute-api:*:*:*", $"arn:aws:execute-api:{p[0]}:{p[1]}:{p[2]}/*")));

    public static Gen<StatementSpec> Statement(string[] p, Gen<string?> sid) =>
        Gen.Select(sid, Gen.Frequency((2, Gen.Const(PolicyEffect.Allow)), (1, Gen.Const(PolicyEffect.Deny))),
                Gen.Int[0, 9], Gen.OneOf(ActionPatterns).Array[1, 2], Gen.Int[0, 9], ResourcePattern(p).Array[1, 3],
                Gen.Frequency((7, Gen.Const((string?)null)), (3, Gen.OneOf(Conditions).Select(c => (string?)c))))
            .Select((s, e, na, actions, nr, resources, condition) => new StatementSpec(s, e, na == 0, actions, nr == 0, resources, condition));

    public static readonly Gen<IReadOnlyDictionary<string, string>> Context =
        Gen.Select(Gen.OneOf<string?>("10.1.2.3", "192.0.2.5", "203.0.113.9", null), Gen.Bool, Gen.Bool)
            .Select((ip, time, secure) =>
            {
                var context = new Dictionary<string, string>(StringComparer.Ordinal);
                if (ip is not null)
                    context["aws:SourceIp"] = ip;
                if (time)
                {
                    context["aws:CurrentTime"] = "2025-01-01T00:00:00Z";
                    context["aws:EpochTime"] = "1735689600";
                }
                if (secure)
                    context["aws:SecureTransport"] = "true";
                return (IReadOnlyDictionary<string, string>)context;
            });

    private static readonly Gen<string?> OptionalSid = Gen.Frequency((1, Gen.Const((string?)null)), (2, Gen.Int[0, 99].Select(i => (string?)$"S{i}")));

    /// <summary>A valid policy of 1–5 statements near the request, with a request context.</summary>
    public static readonly Gen<CaseSpec> Case =
        RequestParts.SelectMany(p => Gen.Select(
            Gen.OneOf<string?>("2012-10-17", "2008-10-17", null), Statement(p, OptionalSid).Array[1, 5], Context,
            (v, s, c) => new CaseSpec(new PolicySpec(v, s), Arn(p), c)));

    /// <summary>As <see cref="Case"/>, with unique Sids so statements can be followed through reordering.</summary>
    public static readonly Gen<CaseSpec> CaseWithSids = Case.Select(c => c with
    {
        Policy = c.Policy with { Statements = [.. c.Policy.Statements.Select((s, i) => s with { Sid = $"S{i}" })] },
    });

    /// <summary>Mostly valid cases; one in twenty carries a §1.1 malformation.</summary>
    public static readonly Gen<CaseSpec> DifferentialCase = Gen.Frequency(
        (19, Case),
        (1, Gen.Select(Case, Gen.OneOf(Mutations.All)).Select((c, m) => c with { Mutation = m })));
}
