using AuthorizerConformance.Harness.Reports;

namespace AuthorizerConformance.Examples.Tests;

/// <summary>
/// Issue 10: the suite judges a correct REQUEST authorizer and a correct HTTP API simple-response authorizer (the
/// mutant catalogue's correct bases, harness/tests/AuthorizerConformance.Mutants/node) without a false alarm, on the
/// features that used to raise them (37 on the REQUEST base, 1 on the HTTP simple base). A scenario that cannot apply
/// is skipped with its reason; one that can is judged by the profile's type — and still catches a REQUEST mutant — and
/// the token goes where the profile's identitySource says, a query-string parameter too (QueryToken/). The runs are
/// filtered to those features (xUnit traits) to stay fast; the whole suite against each base is the mutant catalogue's.
/// </summary>
public class CorrectProfileTests
{
    /// <summary>The features whose scenarios raised false alarms on the correct bases (by their Feature trait).</summary>
    private static readonly string[] Features = ["IdentitySource", "ValidationExpression", "RequestAuthorizer", "StatusMapping", "Token validation", "HTTP API"];

    private static readonly Lazy<Task<SuiteRun>> RequestBase = new(() => Task.Run(() => Run("correct-request", Features)));
    private static readonly Lazy<Task<SuiteRun>> SimpleBase = new(() => Task.Run(() => Run("correct-httpSimple", Features)));
    private static readonly Lazy<Task<SuiteRun>> CasingMutant = new(() => Task.Run(() => Run("request-one-header-casing", "IdentitySource", "RequestAuthorizer")));

    private static readonly Lazy<Task<SuiteRun>> QueryToken = new(() => Task.Run(() =>
        SuiteRun.RunAsync("harness/tests/AuthorizerConformance.Examples.Tests/QueryToken/profile.json", TimeSpan.FromMinutes(5), Traits("JWT attacks"))));

    public static TheoryData<string> Bases => new("correct-request", "correct-httpSimple");

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task A_correct_base_has_no_failure_and_every_skip_says_why(string id)
    {
        var run = await (id == "correct-request" ? RequestBase : SimpleBase).Value;

        var failed = run.Verdicts.Where(v => v.Outcome == VerdictOutcome.Failed).Select(v => $"{MutantCatalogue.Name(v)}: {v.Reason}").ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} false alarm(s) on the correct {id}:{Environment.NewLine}{string.Join(Environment.NewLine, failed)}");
        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Verdicts.Count(v => v.Outcome == VerdictOutcome.Passed) >= 100, $"only {run.Verdicts.Count(v => v.Outcome == VerdictOutcome.Passed)} scenarios passed");
        Assert.All(run.Verdicts.Where(v => v.Outcome == VerdictOutcome.Skipped), v => Assert.False(string.IsNullOrWhiteSpace(v.Reason), $"{MutantCatalogue.Name(v)} was skipped without a reason"));
    }

    /// <summary>Scenarios that used to false-alarm on the REQUEST base, and what they are now.</summary>
    [Theory]
    // The authorizer under test, given a REQUEST authorizer reading the profile's identity source, judged by that type.
    [InlineData("IdentitySource", "The Authorization header is found whatever its casing [Examples #3: header=aUtHoRiZaTiOn]", VerdictOutcome.Passed, null)]
    [InlineData("IdentitySource", "The authorizer under test takes the Bearer prefix off itself", VerdictOutcome.Passed, null)]
    [InlineData("Token validation", "The authorizer receives the Authorization header with its Bearer scheme, unchanged, and accepts it", VerdictOutcome.Passed, null)]
    [InlineData("RequestAuthorizer", "Two different Authorization headers are refused by a REQUEST authorizer", VerdictOutcome.Passed, null)]
    // Scripted functions and set-up checks judge API Gateway's TOKEN authorizer whatever the profile.
    [InlineData("ValidationExpression", "A token that does not match is refused before the authorizer [Examples #1: value=Basic dXNlcjpwYXNz]", VerdictOutcome.Passed, null)]
    [InlineData("IdentitySource", "A TOKEN authorizer whose identity source is not exactly one header is refused [Examples #1: identity source=method.request.querystring.token]", VerdictOutcome.Passed, null)]
    [InlineData("IdentitySource", "The TOKEN event carries no headers, query, path or body even when the request has them", VerdictOutcome.Passed, null)]
    // Cannot apply: a validation expression on the REQUEST function, the reference authorizer's own log lines.
    [InlineData("StatusMapping", "Row 3, a token failing the validation expression gives 401 with no invocation", VerdictOutcome.Skipped, "(REQ-4)")]
    [InlineData("RequestAuthorizer", "The reference REQUEST variant logs why it refuses two different Authorization headers", VerdictOutcome.Skipped, "lacks authorizer-settings")]
    public async Task A_scenario_that_false_alarmed_on_the_REQUEST_base_is_judged_or_skipped_with_its_reason(string feature, string scenario, VerdictOutcome outcome, string? reason)
    {
        var verdict = (await RequestBase.Value).Verdict(feature, scenario);

        Assert.True(verdict.Outcome == outcome, $"{feature}: {scenario}: {verdict.Outcome} ({verdict.Reason}); expected {outcome}");
        if (reason is not null)
            Assert.Contains(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_HTTP_simple_base_may_refuse_with_isAuthorized_false_while_the_401_outline_stays_the_reference_authorizers()
    {
        var run = await SimpleBase.Value;

        var general = run.Verdict("HTTP API", "The authorizer under test refuses a token signed with another key on an HTTP API (<variant>) [Examples #2: variant=payload 2.0, simple, configuration=the authorizer uses simple responses]");
        var reference = run.Verdict("HTTP API", "The reference authorizer refuses an invalid token on an HTTP API with 401 (<variant>) [Examples #2: variant=payload 2.0, simple, configuration=the authorizer uses simple responses]");
        Assert.Equal(VerdictOutcome.Passed, general.Outcome);
        Assert.Equal(VerdictOutcome.Skipped, reference.Outcome);
        Assert.Contains("lacks authorizer-settings", reference.Reason, StringComparison.Ordinal);
    }

    /// <summary>Judging a REQUEST profile by its type is not blindness: the mutant that reads only the header spelled
    /// <c>Authorization</c> fails exactly where the correct base passes.</summary>
    [Fact]
    public async Task A_REQUEST_mutant_is_still_caught_by_the_scenarios_now_judged_by_its_type()
    {
        var runs = new Dictionary<string, SuiteRun>(StringComparer.Ordinal)
        {
            ["correct-request"] = await RequestBase.Value,
            ["request-one-header-casing"] = await CasingMutant.Value,
        };

        var caught = MutantCatalogue.CaughtBy(runs, MutantCatalogue.All.Single(m => m.Id == "request-one-header-casing"));

        Assert.Contains("IdentitySource: The Authorization header is found whatever its casing [Examples #1: header=authorization]", caught);
        Assert.Contains("IdentitySource: The Authorization header is found whatever its casing [Examples #2: header=AUTHORIZATION]", caught);
        Assert.NotEqual(0, runs["request-one-header-casing"].ExitCode);
    }

    /// <summary>A REQUEST profile whose identitySource is a query-string parameter gets the token there: the untouched
    /// token is allowed and every hostile one refused, with no false alarm.</summary>
    [Fact]
    public async Task A_REQUEST_profile_whose_token_is_a_query_parameter_gets_it_there()
    {
        var run = await QueryToken.Value;

        var failed = run.Verdicts.Where(v => v.Outcome == VerdictOutcome.Failed).Select(v => $"{MutantCatalogue.Name(v)}: {v.Reason}").ToList();
        Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed));
        Assert.Equal(VerdictOutcome.Passed, run.Verdict("JWT attacks", "The untouched <algorithm> base token of the attacks is allowed [Examples #1: algorithm=HS256]").Outcome);
        Assert.True(run.Verdicts.Count(v => v.Outcome == VerdictOutcome.Passed) >= 20, $"only {run.Verdicts.Count(v => v.Outcome == VerdictOutcome.Passed)} scenarios passed");
    }

    private static Task<SuiteRun> Run(string id, params string[] features) =>
        MutantCatalogue.RunAsync(MutantCatalogue.All.Single(m => m.Id == id), Traits(features));

    private static string[] Traits(params string[] features) => [.. features.SelectMany(feature => new[] { "-trait", "Feature=" + feature })];
}
