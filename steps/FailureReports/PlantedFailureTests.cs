using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AuthorizerConformance.Steps.FailureReports;

/// <summary>
/// Every kind of expectation, failed on purpose (planted/*.feature, run by <see cref="PlantedRun"/>), gives a message
/// that names what was compared and says what happened beside what the scenario expects, with no framework stack
/// frame, no token, and (when the scenario sent requests) the reproduction command and the explanation.
/// </summary>
public partial class PlantedFailureTests
{
    /// <summary>Scenario (= the kind of expectation) → the named difference its message must contain.</summary>
    public static TheoryData<string, string> Kinds => new()
    {
        { "status", "the client's status is 200 (no failure); the scenario expects 403" },
        { "failure code", "the failure code of the 401 is \"identity-source-missing\"; the scenario expects \"jwt-expired\"" },
        { "response body", "the response body differs from the scenario's:\n  $.message is \"Unauthorized\"; the scenario expects \"Forbidden\"" },
        { "response header", "the response header \"x-amzn-ErrorType\" is \"UnauthorizedException\"; the scenario expects \"AccessDeniedException\"" },
        { "absent response header", "the response header \"x-amzn-ErrorType\" is \"UnauthorizedException\"; the scenario expects no such header" },
        { "access allowed", "the client got 401 (identity-source-missing: " },
        { "policy decision", "the policy decision is \"Allow\"; the scenario expects \"ExplicitDeny\"" },
        { "deciding statement", "the deciding statements are \"AllowAll\"; the scenario expects \"DenyAll\"" },
        { "resource policy decision", "the resource policy decision is \"none\"; the scenario expects \"Allow\"" },
        { "authorizer not invoked", "the authorizer was invoked for request 1; the scenario expects it not invoked" },
        { "invocation count", "the authorizer was invoked 1 time(s) in all; the scenario expects 2" },
        { "cache hit", "the result of request 1 did not come from the cache; the scenario expects a cache hit" },
        { "method ARN", "the method ARN is \"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42\"; the scenario expects \"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/43\"" },
        { "method ARN length", "the method ARN is 66 bytes long; the scenario expects 10" },
        { "event JSON", "the event the authorizer received differs from the scenario's:\n  $.authorizationToken is \"Bearer ${token}\"; the scenario expects \"Bearer ${token}-changed\"" },
        { "event member", "the authorizer's event member \"type\" is \"TOKEN\"; the scenario expects \"REQUEST\"" },
        { "absent event member", "the authorizer's event member \"methodArn\" is \"arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42\"; the scenario expects no such member" },
        { "event members", "the authorizer's event has the members \"authorizationToken, methodArn, type\"; the scenario expects \"methodArn, resource, type\" (extra: authorizationToken; missing: resource)" },
        { "context row", "the backend's context key \"role\" is \"admin\"; the scenario expects \"user\"" },
        { "absent context key", "the backend's context key \"role\" is \"admin\"; the scenario expects no such key" },
        { "principal", "the backend's principal is \"u-1\"; the scenario expects \"u-2\"" },
        { "request context JSON", "the request context the backend received differs from the scenario's:\n  $.stage is \"prod\"; the scenario expects \"test\"" },
        { "backend not reached", "the backend was reached by request 1 (200); the scenario expects it not reached" },
        { "access log variable", "the access log variable \"$context.authorizer.status\" is \"200\"; the scenario expects \"401\"" },
        { "status against the target", "the client's status is 401 (identity-source-missing: " },
        { "authorizer log", "the authorizer's log has no line containing \"a line nobody logs\"; the scenario expects one" },
        { "IAM decision", "the policy's decision is \"Allow\"; the scenario expects \"ExplicitDeny\"" },
        { "set-up check", "the set-up was accepted; the scenario expects it refused at \"authorizers.A.resultTtlInSeconds\"" },
    };

    /// <summary>Scenarios that send no request: nothing to replay or explain.</summary>
    private static readonly HashSet<string> WithoutRequests = new(StringComparer.Ordinal) { "IAM decision", "set-up check" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_planted_failure_names_the_difference_without_framework_frames(string scenario, string difference)
    {
        var run = await PlantedRun.Get();

        var message = run.Message(scenario).ReplaceLineEndings("\n");
        Assert.StartsWith(difference, message, StringComparison.Ordinal);
        AssertFrameFree(message);
        Assert.Equal("", run.StackTrace(scenario));
        Assert.DoesNotMatch(SignedJws(), message);
        if (WithoutRequests.Contains(scenario))
        {
            Assert.DoesNotContain("reproduce:", message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches(@"\nreproduce: authz simulate \S+/repro/[A-Za-z0-9-]+\.json\n", message);
            Assert.Contains("\n\nWhat happened (target 'reference'):\n  API set-up: {", message, StringComparison.Ordinal);
            Assert.Contains("\n  request 1: ", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_planted_failure_kind_is_checked_and_only_the_passing_scenario_and_the_harness_error_are_not_expectation_failures()
    {
        var run = await PlantedRun.Get();

        var tests = run.Results.Descendants("test").ToList();
        var named = Kinds.Select(row => (string)row.Data.Item1).ToHashSet(StringComparer.Ordinal);
        var others = tests.Select(t => ((string)t.Attribute("name")!).Split(": ", 2)[1]).Where(s => !named.Contains(s)).Order(StringComparer.Ordinal);
        Assert.Equal(["harness error", "passing"], others);
        Assert.Equal("Pass", (string?)run.Test("passing").Attribute("result"));
        Assert.Equal(named.Count + 1, tests.Count(t => (string?)t.Attribute("result") == "Fail"));
    }

    [Fact]
    public async Task A_real_error_in_the_harness_keeps_its_stack_trace()
    {
        var run = await PlantedRun.Get();

        Assert.Contains("already running", run.Message("harness error"), StringComparison.Ordinal);
        Assert.Contains("at AuthorizerConformance.Steps.Support.Stage.", run.StackTrace("harness error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_shows_no_framework_frame_for_an_expectation_failure_and_all_of_them_for_the_harness_error()
    {
        var run = await PlantedRun.Get();

        // The console prints one block per failed test, from its "[FAIL]" line to the next one.
        var lines = run.Console.ReplaceLineEndings("\n").Split('\n');
        var starts = lines.Select((line, i) => (line, i)).Where(l => l.line.EndsWith(" [FAIL]", StringComparison.Ordinal)).Select(l => l.i).ToList();
        Assert.Equal(Kinds.Count + 1, starts.Count);
        foreach (var (start, i) in starts.Select((s, i) => (s, i)))
        {
            var block = string.Join("\n", lines[start..(i + 1 < starts.Count ? starts[i + 1] : lines.Length)]);
            if (lines[start].Contains(": harness error [FAIL]", StringComparison.Ordinal))
                Assert.Matches(Frame(), block);
            else
                AssertFrameFree(block);
        }
    }

    [Fact]
    public async Task The_JUnit_failure_element_carries_the_difference_the_reproduction_and_the_explanation()
    {
        var run = await PlantedRun.Get();

        var junit = XDocument.Load(Path.Combine(run.Folder, "junit.xml"));
        var testCase = junit.Descendants("testcase").Single(t => ((string)t.Attribute("name")!).EndsWith(": context row", StringComparison.Ordinal));
        var failure = testCase.Element("failure") ?? throw new InvalidOperationException(testCase.ToString());
        var text = ((string?)failure.Attribute("message") + "\n" + failure.Value).ReplaceLineEndings("\n");
        Assert.Contains("the backend's context key \"role\" is \"admin\"; the scenario expects \"user\"", text, StringComparison.Ordinal);
        Assert.Contains("reproduce: authz simulate ", text, StringComparison.Ordinal);
        Assert.Contains("What happened (target 'reference'):", text, StringComparison.Ordinal);
        AssertFrameFree(text);
    }

    [Fact]
    public async Task The_ndjson_attaches_the_explanation_to_the_failing_step_and_nothing_to_a_passing_scenario()
    {
        var run = await PlantedRun.Get();

        var envelopes = (await File.ReadAllLinesAsync(Path.Combine(run.ReportsFolder, "conformance.ndjson"), TestContext.Current.CancellationToken))
            .Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!).ToList();
        var steps = envelopes.Select(e => e["testCase"]).Where(c => c is not null).SelectMany(c => c!["testSteps"]!.AsArray())
            .ToDictionary(step => (string)step!["id"]!, step => step!);
        var failedSteps = envelopes.Select(e => e["testStepFinished"]).Where(f => (string?)f?["testStepResult"]?["status"] == "FAILED")
            .Select(f => (string)f!["testStepId"]!).ToHashSet(StringComparer.Ordinal);
        // (The harness error's explanation goes to its test output, which Reqnroll records as a log attachment of its hook.)
        var attachments = envelopes.Select(e => e["attachment"]).Where(a => a is not null && (string?)a["mediaType"] != "text/x.cucumber.log+plain").ToList();
        Assert.Equal(Kinds.Count - 2, attachments.Count); // every expectation failure that sent requests; not the harness error, not the passing scenario
        foreach (var attachment in attachments)
        {
            var stepId = (string)attachment!["testStepId"]!;
            Assert.EndsWith(".what-happened.txt", (string?)attachment["fileName"], StringComparison.Ordinal);
            Assert.Equal("text/plain", (string?)attachment["mediaType"]);
            Assert.NotNull(steps[stepId]["pickleStepId"]); // a Gherkin step, not a hook
            Assert.Contains(stepId, failedSteps);           // the step that failed
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)attachment["body"]!));
            Assert.Contains("What happened (target 'reference'):", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(SignedJws(), text);
        }
    }

    internal static void AssertFrameFree(string text)
    {
        Assert.DoesNotMatch(Frame(), text);
        Assert.DoesNotContain("at Reqnroll.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("at Xunit.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Reflection", text, StringComparison.Ordinal);
    }

    /// <summary>A stack frame: "at Namespace.Type.Method(" at the start of a line or after "file(line,col): ".</summary>
    [GeneratedRegex(@"(^\s*|\): )at [A-Za-z_<][\w.`<>+|$]*\(", RegexOptions.Multiline)]
    internal static partial Regex Frame();

    /// <summary>A JWS with a real signature (a redacted one ends in ".REDACTED" or is cut).</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.(?!REDACTED)[A-Za-z0-9_-]{8,}")]
    internal static partial Regex SignedJws();
}
