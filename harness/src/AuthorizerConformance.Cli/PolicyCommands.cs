using System.CommandLine;
using AuthorizerConformance.Policy;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz policy evaluate</c>: decide one request against a policy file, or a stream of JSON lines
/// (<c>--jsonl</c>) with one answer line per input line, in order. Exit code 0 when it ran, 2 on a usage error.
/// </summary>
public static class PolicyCommands
{
    /// <summary>Builds the <c>policy</c> command group; <paramref name="input"/> replaces stdin for <c>--jsonl</c> (tests).</summary>
    public static Command Create(TextReader? input = null)
    {
        var policy = new Option<string>("--policy") { Description = "Policy document file (JSON)." };
        var resource = new Option<string>("--resource") { Description = "The request's method or route ARN." };
        var action = new Option<string>("--action")
        {
            Description = "The IAM action.",
            DefaultValueFactory = _ => PolicyCommandRunner.DefaultAction,
        };
        var context = new Option<string[]>("--context")
        {
            Description = "A condition key and value, key=value; repeat for more keys or values.",
            AllowMultipleArgumentsPerToken = false,
        };
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "Read JSON lines {\"id\",\"policy\",\"resource\",\"action\",\"context\"} from stdin (or --input); write one result line each.",
        };
        var inputFile = new Option<string>("--input") { Description = "With --jsonl: read this file instead of stdin." };
        // POL-12 (L): how an empty NotAction/NotResource list and an empty string entry are read (PolicyOptions).
        var emptyNotList = new Option<string>("--empty-not-list")
        {
            Description = "How an empty NotAction/NotResource list is read: narrowest (default; never widens access), literal (excludes nothing) or invalid.",
            DefaultValueFactory = _ => Readings[0],
        };
        emptyNotList.AcceptOnlyFromAmong(Readings);
        var emptyStringEntry = new Option<string>("--empty-string-entry")
        {
            Description = "How an empty string entry (\"Resource\": [\"\"]) is read: narrowest (default; never widens access), literal (matches no request) or invalid.",
            DefaultValueFactory = _ => Readings[0],
        };
        emptyStringEntry.AcceptOnlyFromAmong(Readings);

        var evaluate = new Command("evaluate", "Evaluate an authorizer policy for a request and explain the decision.")
        {
            policy, resource, action, context, jsonl, inputFile, emptyNotList, emptyStringEntry,
        };
        evaluate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new PolicyOptions { EmptyNotList = Reading(parse.GetValue(emptyNotList)), EmptyStringEntry = Reading(parse.GetValue(emptyStringEntry)) };
            var runner = new PolicyCommandRunner(output, error, options);
            return parse.GetValue(jsonl)
                ? runner.RunJsonLines(parse.GetValue(inputFile), input, conflicting: parse.GetValue(policy) is not null || parse.GetValue(resource) is not null)
                : runner.RunSingle(parse.GetValue(policy), parse.GetValue(resource), parse.GetValue(action)!, parse.GetValue(context) ?? [], parse.GetValue(inputFile));
        });

        return new Command("policy", "IAM policy tools for authorizer policies.") { evaluate };
    }

    private static readonly string[] Readings = ["narrowest", "literal", "invalid"];

    private static EmptyElementReading Reading(string? value) => value switch
    {
        "literal" => EmptyElementReading.Literal,
        "invalid" => EmptyElementReading.Invalid,
        _ => EmptyElementReading.Narrowest,
    };
}
