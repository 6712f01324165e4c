using System.Text;
using CsCheck;

namespace AuthorizerConformance.Fuzz.Tests;

/// <summary>
/// CsCheck properties over every fuzz target (issue 13 item 2): for arbitrary and mutated inputs no exception escapes
/// (a target's own invariants — the policy round trip, redaction of a readable token's signature — included) and the
/// verdict is the same when the input is classified again. A failure prints the shrunk input and the seed to replay.
/// </summary>
public class TargetPropertyTests
{
    public static TheoryData<string, int> Targets => new()
    {
        // Iterations per target, by its cost per input (the scenario target runs the pipeline; runtime-api opens a socket).
        { "policy", 1500 },
        { "output", 1500 },
        { "scenario", 400 },
        { "profile", 400 },
        { "runtime-api", 400 },
        { "token", 1500 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Mutated_corpus_inputs_are_classified_stably(string target, int iterations)
    {
        var classify = FuzzTargets.Find(target)!.Classify;

        Mutations.Of(target).Sample(input => classify(input) == classify(input), iter: iterations, threads: 1,
            print: input => Convert.ToBase64String(input));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Arbitrary_bytes_are_classified_stably(string target, int iterations)
    {
        var classify = FuzzTargets.Find(target)!.Classify;

        Mutations.Bytes().Sample(input => classify(input) == classify(input), iter: iterations / 4, threads: 1,
            print: input => Convert.ToBase64String(input));
    }

    private static readonly Gen<string> Pattern = Gen.OneOf(
        Gen.Const("*"), Gen.Const("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*"),
        Gen.Char["a*?/-"].Array[0, 24].Select(c => "arn:aws:execute-api:*:*:a" + new string(c)));

    private static readonly Gen<string> Statement = Gen.Select(
        Gen.OneOf(Gen.Const("Allow"), Gen.Const("Deny")),
        Gen.OneOf(Gen.Const("Action"), Gen.Const("NotAction")),
        Gen.OneOf(Gen.Const("execute-api:Invoke"), Gen.Const("execute-api:*"), Gen.Const("*"), Gen.Const("execute-api:?nvoke")),
        Gen.OneOf(Gen.Const("Resource"), Gen.Const("NotResource")),
        Pattern.Array[1, 3],
        Gen.OneOf(Gen.Const(""), Gen.Const(""","Condition":{"StringLike":{"aws:PrincipalTag/team":["a?a?*","x"]}}"""),
            Gen.Const(""","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"""),
            Gen.Const(""","Condition":{"NumericLessThan":{"k":"5"},"Null":{"z":"true"}}""")))
        .Select((effect, actionKey, action, resourceKey, resources, condition) =>
            $$"""{"Effect":"{{effect}}","{{actionKey}}":"{{action}}","{{resourceKey}}":[{{string.Join(",", resources.Select(r => $"\"{r}\""))}}]{{condition}}}""");

    [Fact]
    public void Generated_policies_are_valid_and_survive_the_print_and_parse_round_trip() =>
        Statement.Array[0, 5].Select(s => $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", s)}}]}""")
            .Sample(json =>
            {
                var verdict = FuzzTargets.Find("policy")!.Classify(Encoding.UTF8.GetBytes(json));
                Assert.True(verdict.Valid, $"{json}: {verdict}");
            }, iter: 1000, threads: 1);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public void Every_token_the_authorizer_reads_is_redacted_by_both_redactions()
    {
        // Header texts that are JSON objects but do not encode to "eyJ" (issue 16 defect 3 and its class).
        var header = Gen.Select(Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\n"), Gen.Const("\t"), Gen.Const("\r\n  ")),
                Gen.OneOf(Gen.Const("\"alg\":\"HS256\""), Gen.Const("\"typ\":\"JWT\", \"alg\" : \"RS256\""), Gen.Const("\"alg\":\"none\",\"kid\":\"k\"")))
            .Select((space, members) => $"{space}{{{space}{members}{space}}}{space}");
        Gen.Select(header, Gen.Byte.Array[1, 40], Gen.Byte.Array[16, 64], Gen.OneOf(Gen.Const(""), Gen.Const("Bearer "), Gen.Const("bearer  ")))
            .Select((h, payload, signature, scheme) =>
                $"{scheme}{Base64Url(Encoding.UTF8.GetBytes(h))}.{Base64Url(Encoding.UTF8.GetBytes($"{{\"p\":\"{Convert.ToHexString(payload)}\"}}"))}.{Base64Url(signature)}")
            .Sample(token =>
            {
                var verdict = FuzzTargets.Find("token")!.Classify(Encoding.UTF8.GetBytes(token));
                Assert.True(verdict.Valid, $"{token}: {verdict}");
            }, iter: 1000, threads: 1);
    }
}
