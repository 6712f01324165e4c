using System.Text;

namespace AuthorizerConformance.Cli.Tests;

/// <summary>
/// Issue 16: no command prints a .NET stack trace for any input. A table of hostile inputs per command (those the
/// attacker's probe found, and the rest of their classes): each gives its documented exit code and a message naming
/// what is wrong, never an exception's name or a stack frame.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Arn = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets";
    private const string Routes = """ "routes": [{"method": "GET", "resource": "/pets/{id}", "authorizer": "A"}] """;
    private const string TokenAuthorizer = """{"type": "TOKEN", "identitySource": "method.request.header.Authorization", "resultTtlInSeconds": 300, "function": {"kind": "scripted", "outcomes": [{"return": {"principalId": "u", "policyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"}]}}}]}}""";
    private const string OneRequest = """[{"method": "GET", "path": "/pets/1", "headers": {"Authorization": "t"}}]""";

    private const string AllowAll = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";

    private static readonly string Dir = Directory.CreateTempSubdirectory("authz-hostile-").FullName;

    public void Dispose()
    {
        // The directory is shared by every row; it is removed with the process's temp files.
    }

    private static string File(string name, string text) => File(name, Encoding.UTF8.GetBytes(text));

    private static string File(string name, byte[] bytes)
    {
        var path = Path.Combine(Dir, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Scenario(string api = "", string authorizers = "", string requests = OneRequest, string top = "") =>
        $$"""{"api": {"type": "REST", {{Routes}} {{api}} }, "authorizers": {"A": {{TokenAuthorizer}} {{authorizers}} }, "requests": {{requests}} {{top}} }""";

    /// <summary>Name → (arguments, expected exit code, text stderr or stdout must hold).</summary>
    public static TheoryData<string> Rows() => [.. Cases.Keys];

    private static readonly Dictionary<string, Func<(string[] Args, int Exit, string Expected)>> Cases = new(StringComparer.Ordinal)
    {
        // policy evaluate
        ["policy: --policy /dev/zero"] = () => (["policy", "evaluate", "--policy", "/dev/zero", "--resource", Arn], 2, "limit"),
        ["policy: --policy not UTF-8"] = () => (["policy", "evaluate", "--policy", File("p1.json", [0x7B, 0xFF, 0x7D]), "--resource", Arn], 2, "not UTF-8"),
        ["policy: --jsonl --input /dev/zero"] = () => (["policy", "evaluate", "--jsonl", "--input", "/dev/zero"], 2, "limit"),
        ["policy: --jsonl duplicate key"] = () => (["policy", "evaluate", "--jsonl", "--input", File("l1.jsonl",
            """{"id": 1, "resource": "x", "resource": "y", "policy": {"Version": "2012-10-17", "Statement": []}}""")], 0, "Duplicate"),
        ["policy: --jsonl --input with a BOM"] = () => (["policy", "evaluate", "--jsonl", "--input", File("l2.jsonl",
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"id": 1, "resource": "arn:aws:execute-api:us-east-1:1:a/b/GET/x", "policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}""")])], 0, "\"Allow\""),
        ["policy: --resource over 1600 bytes"] = () => (["policy", "evaluate", "--policy", File("p2.json", AllowAll), "--resource", Arn + new string('a', 1600)], 2, $"--resource is {Arn.Length + 1600} bytes"),
        ["policy: --jsonl resource over 1600 bytes"] = () => (["policy", "evaluate", "--jsonl", "--input", File("l3.jsonl",
            $$$"""{"id": 1, "resource": "{{{Arn + new string('a', 1600)}}}", "policy": {{{AllowAll}}}}""")], 0, "a method ARN is at most 1600 bytes"),
        ["policy: --resource of 1600 bytes"] = () => (["policy", "evaluate", "--policy", File("p3.json", AllowAll), "--resource", Arn + new string('a', 1600 - Arn.Length)], 0, "\"Allow\""),
        ["policy: --input missing"] = () => (["policy", "evaluate", "--jsonl", "--input", Path.Combine(Dir, "none.jsonl")], 2, "not found"),
        // simulate
        ["simulate: /dev/zero"] = () => (["simulate", "/dev/zero"], 2, "limit"),
        ["simulate: a directory"] = () => (["simulate", Dir], 2, "cannot read"),
        ["simulate: not UTF-8"] = () => (["simulate", File("s0.json", [0x7B, 0xC0, 0x7D])], 2, "not UTF-8"),
        ["simulate: duplicate authorizer"] = () => (["simulate", File("s1.json", Scenario(authorizers: ", \"A\": " + TokenAuthorizer))], 2, "Duplicate"),
        ["simulate: duplicate header"] = () => (["simulate", File("s2.json", Scenario(requests: """[{"method": "GET", "path": "/pets/1", "headers": {"Authorization": "a", "Authorization": "b"}}]"""))], 2, "Duplicate"),
        ["simulate: duplicate startTime"] = () => (["simulate", File("s3.json", Scenario(top: """, "startTime": "2026-01-01T00:00:00Z", "startTime": "2027-01-01T00:00:00Z" """))], 2, "Duplicate"),
        ["simulate: region with a colon"] = () => (["simulate", File("s4.json", Scenario(api: """, "region": "us-east-1:evil" """))], 2, "api.region"),
        ["simulate: stage with a wildcard"] = () => (["simulate", File("s5.json", Scenario(api: """, "stage": "pr*d" """))], 2, "api.stage"),
        ["simulate: apiId with a slash"] = () => (["simulate", File("s6.json", Scenario(api: """, "apiId": "a/b:c*" """))], 2, "api.apiId"),
        ["simulate: startTime near 9999"] = () => (["simulate", File("s7.json", Scenario(top: """, "startTime": "9999-12-31T23:59:59Z" """))], 0, "\"status\": 200"),
        ["simulate: atSeconds past 9999"] = () => (["simulate", File("s8.json", Scenario(requests: """[{"method": "GET", "path": "/pets/1", "atSeconds": 1e9}]""", top: """, "startTime": "9999-01-01T00:00:00Z" """))], 2, "requests[0].atSeconds"),
        ["simulate: (?x) comment"] = () => (["simulate", File("s9.json", Scenario().Replace("\"resultTtlInSeconds\": 300", "\"identityValidationExpression\": \"(?x)^Bearer\\\\ .+$  # comment\"", StringComparison.Ordinal))], 2, "identityValidationExpression"),
        ["simulate: deep nesting"] = () => (["simulate", File("s10.json", new string('[', 100_000))], 2, "not valid JSON"),
        ["simulate: a backtracking-bait gateway-response template"] = () => (["simulate", File("s12.json", Scenario(
            api: ", \"gatewayResponses\": {\"UNAUTHORIZED\": {\"template\": \"" + string.Concat(Enumerable.Repeat("${context." + string.Concat(Enumerable.Repeat("a.", 20_000)), 10)) + "\"}}",
            requests: """[{"method": "GET", "path": "/pets/1"}]"""))], 0, "\"status\": 401"),
        ["simulate: sourceIp"] = () => (["simulate", File("s11.json", Scenario(requests: """[{"method": "GET", "path": "/pets/1", "sourceIp": "012.1.1.1"}]"""))], 2, "requests[0].sourceIp"),
        // invoke
        ["invoke: requestContext a string"] = () => (["invoke", "--event", File("e1.json", """{"requestContext": "x"}""")], 2, "--variant"),
        ["invoke: duplicate type"] = () => (["invoke", "--event", File("e2.json", """{"type": "TOKEN", "type": "REQUEST"}""")], 2, "Duplicate"),
        ["invoke: duplicate eventType"] = () => (["invoke", "--event", File("e3.json", """{"requestContext": {"eventType": "CONNECT", "eventType": "x"}}""")], 2, "Duplicate"),
        ["invoke: /dev/zero"] = () => (["invoke", "--event", "/dev/zero"], 2, "limit"),
        ["invoke: an array"] = () => (["invoke", "--event", File("e4.json", "[]")], 2, "not a JSON object"),
        ["invoke: version a number"] = () => (["invoke", "--event", File("e5.json", """{"version": 2, "type": {"a": 1}}""")], 2, "--variant"),
        // token mint
        ["mint: --exp 99999999999d"] = () => (["token", "mint", "--claims", "{}", "--alg", "HS256", "--secret", new string('s', 32), "--exp", "99999999999d"], 2, "--exp"),
        ["mint: --exp long.MaxValue s"] = () => (["token", "mint", "--claims", "{}", "--alg", "HS256", "--secret", new string('s', 32), "--exp", "9223372036854775807s"], 2, "--exp"),
        ["mint: --exp 3000000d"] = () => (["token", "mint", "--claims", "{}", "--alg", "HS256", "--secret", new string('s', 32), "--exp", "3000000d"], 2, "--exp"),
        ["mint: --claims /dev/zero"] = () => (["token", "mint", "--claims", "/dev/zero", "--alg", "HS256", "--secret", new string('s', 32)], 2, "limit"),
        ["mint: --key /dev/zero"] = () => (["token", "mint", "--claims", "{}", "--alg", "RS256", "--key", "/dev/zero"], 2, "limit"),
        ["mint: --secret not UTF-8"] = () => (["token", "mint", "--claims", "{}", "--alg", "HS256", "--secret", new string('\uFFFD', 11)], 2, "--secret"),
        ["mint: --claims duplicate"] = () => (["token", "mint", "--claims", """{"sub": "a", "sub": "admin"}""", "--alg", "HS256", "--secret", new string('s', 32)], 2, "--claims"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_hostile_input_gives_its_exit_code_and_a_message_never_a_stack_trace(string name)
    {
        var (args, exit, expected) = Cases[name]();

        var (code, stdout, stderr) = CliRunner.Run(args);

        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr + stdout, StringComparison.Ordinal);
        Assert.True(exit == code, $"exit {code}, expected {exit}; stderr: {stderr}");
        Assert.Contains(expected, stderr + stdout, StringComparison.Ordinal);
    }
}
