using System.CommandLine;
using AuthorizerConformance.Cli.Run;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz run [--profile FILE] [--features DIR]… [--tags EXPR] [--report DIR] [--no-builtin] [--api FILE [--api-name NAME]] [--allow-slow]</c>:
/// runs the conformance suite (the built-in features unless <c>--no-builtin</c>, plus the team's folders) against the
/// profile's authorizer with the same runner and verdicts as <c>dotnet test</c>. With <c>--api</c>, the team's scenarios
/// that describe no API of their own run on the imported API (OpenAPI 3, Swagger 2 or SAM; docs/api-import.md). Exit 0 when every scenario that ran
/// passed, 1 when any failed, 2 on a usage or configuration error.
/// </summary>
public static class RunCommand
{
    /// <summary>Exit code when a scenario failed (or the run itself did).</summary>
    public const int Failed = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var profile = new Option<string?>("--profile") { Description = "The authorizer profile (JSON; docs/profiles.md), as AUTHZ_PROFILE selects it" };
        var features = new Option<string[]>("--features")
        {
            Description = "A folder of your own .feature files (repeatable); they run with the built-in ones",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var tags = new Option<string?>("--tags") { Description = "Run only the scenarios matching a Cucumber tag expression, e.g. \"@smoke and not @verify-on-aws\"" };
        var report = new Option<string?>("--report") { Description = "Write junit.xml, conformance.html, conformance.ndjson and summary.md to this folder" };
        var noBuiltin = new Option<bool>("--no-builtin") { Description = "Leave out the built-in conformance features" };
        var api = new Option<string?>("--api")
        {
            Description = "Your API (OpenAPI 3 / Swagger 2, YAML or JSON, or an AWS SAM template): your features' scenarios that describe no API run on its routes and authorizers",
        };
        var apiName = new Option<string?>("--api-name") { Description = "The API's logical id, when a SAM template defines more than one" };
        var allowSlow = new Option<bool>("--allow-slow")
        {
            Description = "On a deployed stage (\"function\": \"stage:…\"), let scenarios wait in real time (a TTL of minutes); else they are skipped",
        };
        var command = new Command("run", "Run the conformance suite against an authorizer: progress, a summary by feature area, CI reports")
        {
            profile, features, tags, report, noBuiltin, api, apiName, allowSlow,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var options = new RunOptions(parse.GetValue(profile), parse.GetValue(features) ?? [], parse.GetValue(tags),
                parse.GetValue(report), parse.GetValue(noBuiltin), parse.GetValue(api), parse.GetValue(apiName), parse.GetValue(allowSlow));
            var exit = 0;
            var guarded = await CliErrors.GuardAsync(stderr, async () =>
                exit = await SuiteRunner.RunAsync(options, stdout, stderr, cancel).ConfigureAwait(false)).ConfigureAwait(false);
            return guarded != 0 ? guarded : exit;
        });
        return command;
    }
}
