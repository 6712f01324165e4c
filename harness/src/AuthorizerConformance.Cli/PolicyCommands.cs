using System.CommandLine;

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

        var evaluate = new Command("evaluate", "Evaluate an authorizer policy for a request and explain the decision.")
        {
            policy, resource, action, context, jsonl, inputFile,
        };
        evaluate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var runner = new PolicyCommandRunner(output, error);
            return parse.GetValue(jsonl)
                ? runner.RunJsonLines(parse.GetValue(inputFile), input, conflicting: parse.GetValue(policy) is not null || parse.GetValue(resource) is not null)
                : runner.RunSingle(parse.GetValue(policy), parse.GetValue(resource), parse.GetValue(action)!, parse.GetValue(context) ?? [], parse.GetValue(inputFile));
        });

        return new Command("policy", "IAM policy tools for authorizer policies.") { evaluate };
    }
}
