using System.Text.Json;

namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// A compiled policy keeps only its evaluation plan and rebuilds its statements from the source text on first use:
/// for <see cref="CompiledPolicy.ToJson"/>, for <see cref="PolicyEvaluation.NotMatched"/>, and for an action other
/// than execute-api:Invoke. What it rebuilds must not depend on whether it was parsed from text or from a
/// <see cref="JsonElement"/> (whose source is the element's raw text), nor on how many threads ask at once.
/// </summary>
public class CompiledPolicyRebuildTests
{
    private const string Api = PolicyKit.Api;

    // 2012: a policy variable in a Resource, NotAction, NotResource, two condition operators, Sids and an Id.
    private const string Home = """
        {"Version":"2012-10-17","Id":"home","Statement":[
          {"Sid":"OwnHome","Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/home/${aws:username}"},
          {"Sid":"NoOtherActions","Effect":"Deny","NotAction":["execute-api:Invoke","execute-api:InvalidateCache"],"Resource":"*"},
          {"Effect":"Allow","Action":"execute-api:*","NotResource":["arn:aws:execute-api:us-east-1:123456789012:abc123/admin/*"],
           "Condition":{"StringEquals":{"aws:PrincipalTag/team":["blue","green"]},"Bool":{"aws:SecureTransport":true}}}
        ]}
        """;

    // 2008 (so ${aws:username} is literal text), Statement as a single object, NotAction.
    private const string Single = """
        {"Version":"2008-10-17","Statement":{"Sid":"Single","Effect":"Allow","NotAction":"s3:*",
          "Resource":"arn:aws:execute-api:*:123456789012:abc123/prod/*/${aws:username}","Condition":{"StringLike":{"aws:userid":"AID*"}}}}
        """;

    // No Version, a '?' action, two resources, a JSON number and an IP range in conditions.
    private const string Mixed = """
        {"Id":"mixed","Statement":[
          {"Effect":"Deny","Action":["execute-api:Invoke","execute-api:Inv?lidateCache"],"Resource":"arn:aws:execute-api:us-east-1:123456789012:abc123/*/DELETE/*"},
          {"Sid":"Net","Effect":"Allow","Action":"*","Resource":["arn:aws:execute-api:us-east-1:123456789012:abc123/*","arn:aws:s3:::bucket/*"],
           "Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","192.168.1.1/32"]},"NumericLessThan":{"custom:n":1.5}}}
        ]}
        """;

    // Home as ToJson prints it (one line; broken here at statement boundaries).
    private const string HomePrinted = """
        {"Version":"2012-10-17","Id":"home","Statement":[
        {"Sid":"OwnHome","Effect":"Allow","Action":["execute-api:Invoke"],"Resource":["arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/home/${aws:username}"]},
        {"Sid":"NoOtherActions","Effect":"Deny","NotAction":["execute-api:Invoke","execute-api:InvalidateCache"],"Resource":["*"]},
        {"Effect":"Allow","Action":["execute-api:*"],"NotResource":["arn:aws:execute-api:us-east-1:123456789012:abc123/admin/*"],"Condition":{"StringEquals":{"aws:PrincipalTag/team":["blue","green"]},"Bool":{"aws:SecureTransport":["true"]}}}]}
        """;

    public static TheoryData<string> Policies => new(Home, Single, Mixed);

    private static readonly PolicyRequest[] Requests = BuildRequests();

    [Theory]
    [MemberData(nameof(Policies))]
    public void Text_and_JsonElement_sources_print_the_same_canonical_JSON(string json)
    {
        var fromText = PolicyKit.Compile(json);
        var fromElement = FromElement(json);

        var firstPrint = fromText.ToJson();
        Assert.Equal(firstPrint, fromElement.ToJson());
        // Evaluating every request rebuilds statements on demand; a print after that reads the rebuilt statements and
        // must equal the print of a policy that was never evaluated.
        foreach (var request in Requests)
            _ = fromText.Evaluate(request);
        Assert.Equal(firstPrint, fromText.ToJson());
        Assert.Equal(PolicyKit.Compile(json).ToJson(), fromText.ToJson());
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Text_and_JsonElement_sources_decide_and_explain_every_request_alike(string json)
    {
        var fromText = PolicyKit.Compile(json);
        var fromElement = FromElement(json);

        foreach (var request in Requests)
        {
            var expected = fromText.Evaluate(request);
            var actual = fromElement.Evaluate(request);

            Assert.Equal(expected.Decision, actual.Decision);
            Assert.Equal(expected.DecidingStatements, actual.DecidingStatements);
            Assert.Equal(expected.NotMatched, actual.NotMatched);
        }
    }

    [Fact]
    public void The_canonical_print_is_rebuilt_from_the_source()
    {
        foreach (var policy in new[] { PolicyKit.Compile(Home), FromElement(Home) })
        {
            Assert.Equal(HomePrinted.ReplaceLineEndings(""), policy.ToJson());
        }
    }

    [Fact]
    public void An_action_other_than_Invoke_is_decided_and_explained_from_the_rebuilt_statements()
    {
        var red = Context(("aws:username", "alice"), ("aws:PrincipalTag/team", "red"), ("aws:SecureTransport", "true"));
        foreach (var policy in new[] { PolicyKit.Compile(Home), FromElement(Home) })
        {
            var invalidate = policy.Evaluate(new PolicyRequest("execute-api:InvalidateCache", PolicyKit.GetUsers, red));
            var s3 = policy.Evaluate(new PolicyRequest("s3:GetObject", "arn:aws:s3:::bucket/key", red));

            Assert.Equal(PolicyDecision.ImplicitDeny, invalidate.Decision);
            Assert.Empty(invalidate.DecidingStatements);
            Assert.Equal(
                [
                    new StatementMismatch(0, "OwnHome", PolicyEffect.Allow, MismatchReason.Action,
                        """action 'execute-api:InvalidateCache' matches none of Action ["execute-api:Invoke"]"""),
                    new StatementMismatch(1, "NoOtherActions", PolicyEffect.Deny, MismatchReason.Action,
                        """action 'execute-api:InvalidateCache' is excluded by NotAction ["execute-api:Invoke", "execute-api:InvalidateCache"]"""),
                    new StatementMismatch(2, null, PolicyEffect.Allow, MismatchReason.Condition,
                        """condition does not hold: StringEquals aws:PrincipalTag/team ["blue", "green"] (request value ["red"])"""),
                ],
                invalidate.NotMatched);
            Assert.Equal(PolicyDecision.ExplicitDeny, s3.Decision);
            Assert.Equal([new DecidingStatement(1, "NoOtherActions", PolicyEffect.Deny)], s3.DecidingStatements);
            Assert.Equal(
                [
                    new StatementMismatch(0, "OwnHome", PolicyEffect.Allow, MismatchReason.Action,
                        """action 's3:GetObject' matches none of Action ["execute-api:Invoke"]"""),
                    new StatementMismatch(2, null, PolicyEffect.Allow, MismatchReason.Action,
                        """action 's3:GetObject' matches none of Action ["execute-api:*"]"""),
                ],
                s3.NotMatched);
        }
    }

    [Fact]
    public void An_Invoke_request_is_explained_from_the_rebuilt_statements()
    {
        var blue = Context(("aws:username", "alice"), ("aws:PrincipalTag/team", "blue"), ("aws:SecureTransport", "true"));
        foreach (var policy in new[] { PolicyKit.Compile(Home), FromElement(Home) })
        {
            var bob = policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, Api + "/prod/GET/home/bob", blue));
            var admin = policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, Api + "/admin/GET/home/alice", blue));

            Assert.Equal([new DecidingStatement(2, null, PolicyEffect.Allow)], bob.DecidingStatements);
            Assert.Equal(
                [
                    new StatementMismatch(0, "OwnHome", PolicyEffect.Allow, MismatchReason.Resource,
                        $"resource '{Api}/prod/GET/home/bob' matches none of Resource [\"{Api}/prod/GET/home/${{aws:username}}\"]"),
                    new StatementMismatch(1, "NoOtherActions", PolicyEffect.Deny, MismatchReason.Action,
                        """action 'execute-api:Invoke' is excluded by NotAction ["execute-api:Invoke", "execute-api:InvalidateCache"]"""),
                ],
                bob.NotMatched);
            Assert.Equal(PolicyDecision.ImplicitDeny, admin.Decision);
            Assert.Equal(
                [
                    (0, MismatchReason.Resource, $"resource '{Api}/admin/GET/home/alice' matches none of Resource [\"{Api}/prod/GET/home/${{aws:username}}\"]"),
                    (1, MismatchReason.Action, """action 'execute-api:Invoke' is excluded by NotAction ["execute-api:Invoke", "execute-api:InvalidateCache"]"""),
                    (2, MismatchReason.Resource, $"resource '{Api}/admin/GET/home/alice' is excluded by NotResource [\"{Api}/admin/*\"]"),
                ],
                admin.NotMatched.Select(m => (m.Index, m.Reason, m.Detail)));
        }
    }

    [Theory]
    [InlineData("\"2012-10-17\"", "alice", true)]
    [InlineData("\"2012-10-17\"", "${aws:username}", false)]
    [InlineData("\"2008-10-17\"", "alice", false)]
    [InlineData("\"2008-10-17\"", "${aws:username}", true)]
    public void The_rebuilt_statements_keep_the_Version_rule_for_policy_variables(string version, string last, bool allowed)
    {
        // §1.2: ${aws:username} is a variable under 2012 only. Invoke is decided by the plan, other actions by the rebuild.
        var json = PolicyKit.One(action: "\"execute-api:*\"", resource: PolicyKit.Quote(Api + "/prod/GET/home/${aws:username}"), version: version);
        var alice = Context(("aws:username", "alice"));
        var expected = allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;

        foreach (var policy in new[] { PolicyKit.Compile(json), FromElement(json) })
        {
            foreach (var action in new[] { PolicyKit.Invoke, "execute-api:InvalidateCache" })
            {
                var evaluation = policy.Evaluate(new PolicyRequest(action, Api + "/prod/GET/home/" + last, alice));

                Assert.Equal(expected, evaluation.Decision);
                Assert.Equal(allowed ? 0 : 1, evaluation.NotMatched.Count);
            }
        }
    }

    [Fact]
    public void A_policy_parsed_from_a_JsonElement_rebuilds_after_its_document_is_disposed()
    {
        CompiledPolicy policy;
        using (var document = JsonDocument.Parse($$$"""{"principalId":"u","policyDocument":{{{Single}}}}"""))
            policy = PolicyKit.AssertValid(PolicyParser.Parse(document.RootElement.GetProperty("policyDocument")));

        var evaluation = policy.Evaluate(new PolicyRequest("s3:GetObject", Api + "/prod/GET/${aws:username}", Context(("aws:userid", "AIDX"))));

        Assert.Equal(PolicyDecision.ImplicitDeny, evaluation.Decision);
        Assert.Equal("""action 's3:GetObject' is excluded by NotAction ["s3:*"]""", Assert.Single(evaluation.NotMatched).Detail);
        Assert.Equal(
            """{"Version":"2008-10-17","Statement":[{"Sid":"Single","Effect":"Allow","NotAction":["s3:*"],"Resource":["arn:aws:execute-api:*:123456789012:abc123/prod/*/${aws:username}"],"Condition":{"StringLike":{"aws:userid":["AID*"]}}}]}""",
            policy.ToJson());
    }

    [Fact]
    public void Many_threads_reading_a_fresh_policy_at_once_all_see_one_set_of_statements_and_the_same_results()
    {
        const int Rounds = 16, Readers = 64;
        var blue = Context(("aws:username", "alice"), ("aws:PrincipalTag/team", "blue"), ("aws:SecureTransport", "true"));
        var bobRequest = new PolicyRequest(PolicyKit.Invoke, Api + "/prod/GET/home/bob", blue);
        var s3Request = new PolicyRequest("s3:GetObject", "arn:aws:s3:::bucket/key", blue);
        var reference = PolicyKit.Compile(Home);
        var expectedJson = reference.ToJson();
        var expectedNotMatched = reference.Evaluate(bobRequest).NotMatched;
        var expectedS3 = reference.Evaluate(s3Request);

        for (var round = 0; round < Rounds; round++)
        {
            // Fresh each round: nothing rebuilt yet, so the readers race to rebuild the statements and the explanation.
            var policy = PolicyKit.Compile(Home);
            var evaluation = policy.Evaluate(bobRequest);
            var notMatched = new IReadOnlyList<StatementMismatch>[Readers];
            var statements = new object[Readers];
            var json = new string[Readers];
            var s3 = new PolicyEvaluation[Readers];

            Parallel.For(0, Readers, i =>
            {
                statements[i] = policy.Statements;
                notMatched[i] = evaluation.NotMatched;
                json[i] = policy.ToJson();
                s3[i] = policy.Evaluate(s3Request);
            });

            Assert.All(notMatched, list => Assert.Same(notMatched[0], list));
            Assert.Equal(expectedNotMatched, notMatched[0]);
            Assert.All(statements, s => Assert.Same(statements[0], s));
            Assert.All(json, j => Assert.Equal(expectedJson, j));
            Assert.All(s3, e =>
            {
                Assert.Equal(expectedS3.Decision, e.Decision);
                Assert.Equal(expectedS3.DecidingStatements, e.DecidingStatements);
                Assert.Equal(expectedS3.NotMatched, e.NotMatched);
            });
        }
    }

    // The element is a member of a larger document, as an authorizer's policyDocument is: its raw text is a slice.
    private static CompiledPolicy FromElement(string json)
    {
        using var document = JsonDocument.Parse($$$"""{"principalId":"u","policyDocument":{{{json}}},"context":{"k":"v"}}""");
        return PolicyKit.AssertValid(PolicyParser.Parse(document.RootElement.GetProperty("policyDocument")));
    }

    private static Dictionary<string, IReadOnlyList<string>> Context(params (string Key, string Value)[] pairs) => PolicyKit.Context(pairs);

    // Every policy above meets Invoke and other actions, matching and excluded resources, holding and failing conditions.
    private static PolicyRequest[] BuildRequests()
    {
        var contexts = new[]
        {
            Context(("aws:username", "alice"), ("aws:PrincipalTag/team", "blue"), ("aws:SecureTransport", "true"),
                ("aws:userid", "AIDX"), ("aws:SourceIp", "10.1.2.3"), ("custom:n", "1")),
            Context(("aws:username", "bob"), ("aws:PrincipalTag/team", "red"), ("aws:SecureTransport", "false"),
                ("aws:userid", "XAID"), ("aws:SourceIp", "172.16.0.1"), ("custom:n", "2")),
            Context(),
        };
        string[] actions = [PolicyKit.Invoke, "execute-api:InvalidateCache", "execute-api:ManageConnections", "s3:GetObject", "EXECUTE-API:invoke"];
        string[] resources =
        [
            PolicyKit.GetUsers,
            Api + "/prod/GET/home/alice",
            Api + "/prod/GET/home/bob",
            Api + "/prod/GET/${aws:username}",
            Api + "/admin/DELETE/users",
            Api + "/prod/DELETE/users/1",
            "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/alice",
            "arn:aws:s3:::bucket/key",
            "arn:aws:execute-api:us-east-1",
            "",
        ];
        return [.. from action in actions from resource in resources from context in contexts select new PolicyRequest(action, resource, context)];
    }
}
