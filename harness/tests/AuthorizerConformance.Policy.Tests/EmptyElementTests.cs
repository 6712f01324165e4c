namespace AuthorizerConformance.Policy.Tests;

/// <summary>
/// POL-12: an empty Action, Resource or Statement list is valid and matches nothing (H/M); an empty NotAction/NotResource
/// list and an empty string entry (L) are read as <see cref="PolicyOptions.EmptyNotList"/> and
/// <see cref="PolicyOptions.EmptyStringEntry"/> say, by default the reading that never widens access.
/// </summary>
public class EmptyElementTests
{
    private const string AllowAll = """{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"}""";

    private static readonly PolicyOptions Literal = new() { EmptyNotList = EmptyElementReading.Literal, EmptyStringEntry = EmptyElementReading.Literal };
    private static readonly PolicyOptions Refused = new() { EmptyNotList = EmptyElementReading.Invalid, EmptyStringEntry = EmptyElementReading.Invalid };

    private static string Document(params string[] statements) => $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";

    private static string Statement(string effect, string action, string resource) =>
        $$"""{"Effect":"{{effect}}",{{action}},{{resource}}}""";

    private static PolicyDecision Decide(string json, PolicyOptions? options = null, string action = PolicyKit.Invoke) =>
        PolicyKit.Evaluate(json, PolicyKit.GetUsers, action, options: options).Decision;

    [Fact]
    public void An_empty_Statement_list_is_valid_and_implicitly_denies()
    {
        var policy = PolicyKit.Compile("""{"Version":"2012-10-17","Statement":[]}""");

        var evaluation = policy.Evaluate(new PolicyRequest(PolicyKit.Invoke, PolicyKit.GetUsers));

        Assert.Equal(0, policy.StatementCount);
        Assert.Equal(PolicyDecision.ImplicitDeny, evaluation.Decision);
        Assert.Empty(evaluation.DecidingStatements);
        Assert.Empty(evaluation.NotMatched);
        Assert.Equal("""{"Version":"2012-10-17","Statement":[]}""", policy.ToJson());
    }

    [Theory]
    [InlineData("\"Action\":[]", "\"Resource\":\"*\"", MismatchReason.Action)]
    [InlineData("\"Action\":\"execute-api:Invoke\"", "\"Resource\":[]", MismatchReason.Resource)]
    [InlineData("\"Action\":[]", "\"Resource\":[]", MismatchReason.Action)]
    public void An_Allow_with_an_empty_Action_or_Resource_list_matches_nothing(string action, string resource, MismatchReason reason)
    {
        // The chalice#971 capture: an Allow with "Resource": [] is a 403 implicit deny, not a malformed policy (H).
        var evaluation = PolicyKit.Evaluate(Document(Statement("Allow", action, resource)), PolicyKit.GetUsers);

        Assert.Equal(PolicyDecision.ImplicitDeny, evaluation.Decision);
        Assert.Equal(reason, Assert.Single(evaluation.NotMatched).Reason);
    }

    [Theory]
    [InlineData("\"Action\":[]", "\"Resource\":\"*\"")]
    [InlineData("\"Action\":\"*\"", "\"Resource\":[]")]
    public void A_Deny_with_an_empty_Action_or_Resource_list_denies_nothing(string action, string resource) =>
        Assert.Equal(PolicyDecision.Allow, Decide(Document(Statement("Deny", action, resource), AllowAll)));

    [Theory]
    [InlineData("\"NotAction\":[]", "\"Resource\":\"*\"")]
    [InlineData("\"Action\":\"*\"", "\"NotResource\":[]")]
    public void An_empty_Not_list_never_widens_access_by_default(string action, string resource)
    {
        // Narrowest: an Allow through an empty Not list applies nowhere; a Deny through one applies everywhere.
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide(Document(Statement("Allow", action, resource))));
        Assert.Equal(PolicyDecision.ExplicitDeny, Decide(Document(Statement("Deny", action, resource), AllowAll)));
    }

    [Theory]
    [InlineData("\"NotAction\":[]", "\"Resource\":\"*\"")]
    [InlineData("\"Action\":\"*\"", "\"NotResource\":[]")]
    public void The_literal_reading_of_an_empty_Not_list_excludes_nothing(string action, string resource)
    {
        Assert.Equal(PolicyDecision.Allow, Decide(Document(Statement("Allow", action, resource)), Literal));
        Assert.Equal(PolicyDecision.ExplicitDeny, Decide(Document(Statement("Deny", action, resource), AllowAll), Literal));
    }

    [Theory]
    [InlineData("\"NotAction\":[]", "\"Resource\":\"*\"", "Statement[0].NotAction")]
    [InlineData("\"Action\":\"*\"", "\"NotResource\":[]", "Statement[0].NotResource")]
    public void An_empty_Not_list_may_be_refused(string action, string resource, string path) =>
        Assert.Contains(PolicyKit.Errors(Document(Statement("Allow", action, resource)), Refused), e => e.Path == path);

    [Theory]
    // Allow: "" never makes the statement apply.
    [InlineData("Allow", "\"Action\":\"*\"", "\"Resource\":\"\"", PolicyDecision.ImplicitDeny)]
    [InlineData("Allow", "\"Action\":\"*\"", "\"Resource\":[\"\"]", PolicyDecision.ImplicitDeny)]
    [InlineData("Allow", "\"Action\":[\"\"]", "\"Resource\":\"*\"", PolicyDecision.ImplicitDeny)]
    [InlineData("Allow", "\"Action\":\"*\"", "\"NotResource\":[\"\"]", PolicyDecision.ImplicitDeny)]
    [InlineData("Allow", "\"NotAction\":\"\"", "\"Resource\":\"*\"", PolicyDecision.ImplicitDeny)]
    // ...and the other entries still count.
    [InlineData("Allow", "\"Action\":\"*\"", "\"Resource\":[\"\",\"" + PolicyKit.GetUsers + "\"]", PolicyDecision.Allow)]
    // Deny (beside an Allow of everything): "" never keeps the statement from applying.
    [InlineData("Deny", "\"Action\":\"*\"", "\"Resource\":[\"\"]", PolicyDecision.ExplicitDeny)]
    [InlineData("Deny", "\"Action\":[\"\"]", "\"Resource\":\"*\"", PolicyDecision.ExplicitDeny)]
    [InlineData("Deny", "\"Action\":\"*\"", "\"NotResource\":[\"\"]", PolicyDecision.ExplicitDeny)]
    [InlineData("Deny", "\"NotAction\":[\"\"]", "\"Resource\":\"*\"", PolicyDecision.ExplicitDeny)]
    public void An_empty_string_entry_never_widens_access_by_default(string effect, string action, string resource, PolicyDecision expected) =>
        Assert.Equal(expected, Decide(effect == "Deny" ? Document(Statement(effect, action, resource), AllowAll) : Document(Statement(effect, action, resource))));

    [Theory]
    // Literal: "" is a pattern only the empty string matches: it matches no request and, in a Not list, excludes none.
    [InlineData("Allow", "\"Action\":\"*\"", "\"Resource\":[\"\"]", PolicyDecision.ImplicitDeny)]
    [InlineData("Allow", "\"Action\":\"*\"", "\"NotResource\":[\"\"]", PolicyDecision.Allow)]
    [InlineData("Allow", "\"NotAction\":[\"\"]", "\"Resource\":\"*\"", PolicyDecision.Allow)]
    [InlineData("Deny", "\"Action\":\"*\"", "\"Resource\":[\"\"]", PolicyDecision.Allow)]
    [InlineData("Deny", "\"Action\":[\"\"]", "\"Resource\":\"*\"", PolicyDecision.Allow)]
    public void The_literal_reading_of_an_empty_string_entry_matches_no_request(string effect, string action, string resource, PolicyDecision expected)
    {
        var json = effect == "Deny" ? Document(Statement(effect, action, resource), AllowAll) : Document(Statement(effect, action, resource));

        Assert.Equal(expected, Decide(json, Literal));
    }

    [Theory]
    [InlineData("\"Resource\":\"\"", "Statement[0].Resource")]
    [InlineData("\"Resource\":[\"*\",\"\"]", "Statement[0].Resource[1]")]
    [InlineData("\"NotResource\":[\"\"]", "Statement[0].NotResource[0]")]
    public void An_empty_string_entry_may_be_refused(string resource, string path) =>
        Assert.Contains(PolicyKit.Errors(Document(Statement("Allow", "\"Action\":\"*\"", resource)), Refused), e => e.Path == path);

    [Fact]
    public void The_default_reading_never_allows_what_another_reading_denies()
    {
        // Every statement shape with an empty part, alone and beside an Allow or a Deny of everything, for the invoke
        // action and another one: whenever Narrowest allows, so does Literal (Invalid allows nothing).
        string[] actions = ["\"Action\":[]", "\"Action\":[\"\"]", "\"NotAction\":[]", "\"NotAction\":[\"\"]", "\"Action\":\"*\""];
        string[] resources = ["\"Resource\":[]", "\"Resource\":[\"\"]", "\"NotResource\":[]", "\"NotResource\":[\"\"]", "\"Resource\":\"*\""];
        string?[] others = [null, AllowAll, """{"Effect":"Deny","Action":"*","Resource":"*"}"""];
        var compared = 0;
        foreach (var effect in new[] { "Allow", "Deny" })
        foreach (var action in actions)
        foreach (var resource in resources)
        foreach (var other in others)
        foreach (var requested in new[] { PolicyKit.Invoke, "execute-api:InvalidateCache" })
        {
            var statement = Statement(effect, action, resource);
            var json = other is null ? Document(statement) : Document(statement, other);
            var narrowest = Decide(json, action: requested);
            var literal = Decide(json, Literal, requested);
            Assert.True(narrowest != PolicyDecision.Allow || literal == PolicyDecision.Allow, $"{json} for {requested}: Narrowest {narrowest}, Literal {literal}");
            compared++;
        }
        Assert.Equal(2 * 5 * 5 * 3 * 2, compared);
    }

    [Fact]
    public void Explanations_name_the_option_that_read_the_empty_part()
    {
        var evaluation = PolicyKit.Evaluate(Document(Statement("Allow", "\"Action\":\"*\"", "\"NotResource\":[]")), PolicyKit.GetUsers);

        var mismatch = Assert.Single(evaluation.NotMatched);
        Assert.Equal(MismatchReason.Resource, mismatch.Reason);
        Assert.Contains("EmptyNotList", mismatch.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_parts_print_as_written()
    {
        var json = Document(Statement("Allow", "\"NotAction\":[]", "\"Resource\":[\"\"]"));

        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":[],"Resource":[""]}]}""", PolicyKit.Compile(json).ToJson());
    }

    [Fact]
    public void A_statement_with_a_policy_variable_reads_empty_parts_the_same_way()
    {
        // A variable sends the statement down the general matcher (CompiledStatement.Match) instead of the plan.
        var json = Document(
            Statement("Allow", "\"Action\":\"*\"", "\"Resource\":[\"" + PolicyKit.Api + "/prod/GET/${aws:username}\"]"),
            Statement("Deny", "\"Action\":[\"\"]", "\"Resource\":[\"" + PolicyKit.Api + "/prod/GET/${aws:username}\"]"));
        var context = PolicyKit.Context(("aws:username", "users"));

        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyKit.Evaluate(json, PolicyKit.GetUsers, context: context).Decision);
        Assert.Equal(PolicyDecision.Allow, PolicyKit.Evaluate(json, PolicyKit.GetUsers, context: context, options: Literal).Decision);
    }
}
