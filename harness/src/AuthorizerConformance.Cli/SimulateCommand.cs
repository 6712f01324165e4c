using System.CommandLine;
using AuthorizerConformance.ApiImport;
using AuthorizerConformance.Gateway;
using AuthorizerConformance.Harness;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Gateway.Scenarios;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz simulate FILE.json [--api openapi.yaml]</c> (or <c>-</c> for stdin): runs a scenario through the API Gateway emulation and
/// prints <c>{"results": [...]}</c>. Exit code 0 when it ran, 2 when the file is missing or invalid (the message
/// names the JSON path).
/// </summary>
public static class SimulateCommand
{
    /// <summary>Builds the command; <paramref name="stdin"/> replaces the console input for <c>-</c> (tests).</summary>
    public static Command Create(TextReader? stdin = null)
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (JSON), or - for stdin." };
        var api = new Option<string?>("--api")
        {
            Description = "The API and its authorizers from an OpenAPI 3 / Swagger 2 definition or a SAM template (docs/api-import.md); "
                + "the scenario file then holds the requests, and may map each authorizer's function under \"authorizers\".",
        };
        var apiName = new Option<string?>("--api-name") { Description = "The API's logical id, when a SAM template defines more than one." };
        var command = new Command("simulate", "Run a scenario file through the API Gateway authorizer emulation and print what the client sees.") { file, api, apiName };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(file)!;
            string text;
            try
            {
                text = path == "-" ? BoundedInput.ReadText(stdin ?? Console.In, InputLimits.ScenarioFileBytes, "stdin")
                    : BoundedInput.ReadFile(path, InputLimits.ScenarioFileBytes, path);
            }
            catch (InputException e)
            {
                await error.WriteLineAsync($"authz simulate: {e.Message}").ConfigureAwait(false);
                return Program.UsageError;
            }
            if (parse.GetValue(api) is { } apiFile)
            {
                var combined = SimulateApiImport.Combine(text, apiFile, parse.GetValue(apiName));
                if (combined.Error is not null)
                {
                    await error.WriteLineAsync($"authz simulate: {combined.Error}").ConfigureAwait(false);
                    return Program.UsageError;
                }
                text = combined.Scenario!;
            }
            var parsed = ScenarioParser.Parse(text);
            if (!parsed.IsValid)
                return await Invalid(error, parsed.Error!).ConfigureAwait(false);
            var run = await ScenarioRunner.RunAsync(parsed.Scenario!, CreateResolver(parsed.Scenario!.Api.Type, error), TimeProvider.System.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
            if (run.Error is not null)
                return await Invalid(error, run.Error).ConfigureAwait(false);
            await output.WriteLineAsync(ScenarioResultWriter.Write(run.Results, Secrets(parsed.Scenario))).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The function kinds <c>authz simulate</c> knows: <c>scripted</c> (Gateway) and <c>reference</c> (the reference
    /// authorizer in process, whose log lines go to <paramref name="log"/>, as Lambda would log them).
    /// </summary>
    public static AuthorizerFunctionResolver CreateResolver(ApiType apiType, TextWriter log)
    {
        var resolver = ReferenceFunctionFactory.CreateResolver(apiType, log);
        // An imported API's authorizers are the authorizer under test, which simulate cannot run without being told how.
        resolver.Register(ApiImportOptions.TargetFunctionKind, spec => FunctionResolution.Failed(spec.Path,
            "is the authorizer under test, which authz simulate does not run; map it in the scenario file, e.g. "
            + $"\"authorizers\": {{\"{spec.Authorizer.Name}\": {{\"function\": {{\"kind\": \"reference\", \"env\": {{…}}}}}}}}"));
        return resolver;
    }

    /// <summary>The secrets a scenario hands its functions (every <c>env</c> value), redacted by value in the output.</summary>
    internal static IEnumerable<string> Secrets(Scenario scenario) =>
        scenario.Authorizers.SelectMany(a =>
            a.Function.ValueKind == System.Text.Json.JsonValueKind.Object && a.Function.TryGetProperty("env", out var env) &&
            env.ValueKind == System.Text.Json.JsonValueKind.Object
                ? env.EnumerateObject().Where(v => v.Value.ValueKind == System.Text.Json.JsonValueKind.String).Select(v => v.Value.GetString()!)
                : []);

    private static async Task<int> Invalid(TextWriter error, ScenarioError problem)
    {
        await error.WriteLineAsync($"authz simulate: invalid scenario: {Redaction.Redact(problem.ToString())}").ConfigureAwait(false);
        return Program.UsageError;
    }
}
