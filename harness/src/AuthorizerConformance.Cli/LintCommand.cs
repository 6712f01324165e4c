using System.CommandLine;
using System.Text;
using System.Text.Json;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Harness.Lint;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz lint [FILE|-] [--method-arn ARN] [--ttl SECONDS] [--http] [--json]</c>: lints one authorizer output
/// (<see cref="LintRules"/>). Exit 0 when it has no findings, 1 when it has, 2 on a usage error (including an output
/// that is not JSON at all).
/// </summary>
public static class LintCommand
{
    /// <summary>Exit code when the output has findings.</summary>
    public const int HasFindings = 1;

    /// <summary>The largest output read (API Gateway refuses authorizer results over 8 KB; this leaves room to say so).</summary>
    public const int MaxInputBytes = 1024 * 1024;

    /// <summary>Builds the command; <paramref name="stdin"/> replaces the console input for <c>-</c> (tests).</summary>
    public static Command Create(TextReader? stdin = null)
    {
        var file = new Argument<string>("output") { Description = "The authorizer output (JSON file), or - for stdin", DefaultValueFactory = _ => "-" };
        var methodArn = new Option<string?>("--method-arn") { Description = "The methodArn of the event that produced the output (AZL001)" };
        var ttl = new Option<int>("--ttl") { Description = "The authorizer's result TTL in seconds (default 300, API Gateway's; 0: no caching)", DefaultValueFactory = _ => 300 };
        var http = new Option<bool>("--http") { Description = "The output is an HTTP API's (context values may be any JSON)" };
        var json = new Option<bool>("--json") { Description = "Print the findings as one JSON document" };
        var command = new Command("lint", "Lint an authorizer output for known pitfalls (ids AZL001…; see docs/lint.md)") { file, methodArn, ttl, http, json };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var exit = 0;
            var guarded = CliErrors.Guard(stderr, () =>
            {
                if (parse.GetValue(ttl) is < 0 or > 3600)
                    throw new UsageException("--ttl: the TTL is 0 to 3600 seconds (CAC-1).");
                var subject = new LintSubject(Read(parse.GetValue(file)!, stdin ?? Console.In))
                {
                    MethodArn = parse.GetValue(methodArn), CacheTtlSeconds = parse.GetValue(ttl), ContextMayHoldJson = parse.GetValue(http),
                };
                var result = OutputLinter.Lint(subject);
                if (result.Unreadable is { } why)
                    throw new UsageException($"the output is {why}; only a JSON output can be linted.");
                Print(result, parse.GetValue(json), stdout);
                exit = result.Findings.Count == 0 ? 0 : HasFindings;
            });
            return guarded != 0 ? guarded : exit;
        });
        return command;
    }

    private static byte[] Read(string source, TextReader stdin)
    {
        try
        {
            var text = source == "-" ? BoundedInput.ReadText(stdin, MaxInputBytes, "output stdin")
                : File.Exists(source) ? BoundedInput.ReadFile(source, MaxInputBytes, "output")
                : throw new UsageException($"output: file '{source}' not found.");
            return Encoding.UTF8.GetBytes(text);
        }
        catch (InputException x)
        {
            throw new UsageException(x.Message);
        }
    }

    private static void Print(LintResult result, bool json, TextWriter stdout)
    {
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("findings");
                foreach (var f in result.Findings)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", f.Rule.Id);
                    writer.WriteString("name", f.Rule.Name);
                    writer.WriteString("path", f.Path);
                    writer.WriteString("message", f.Message);
                    writer.WriteString("fix", f.Rule.Fix);
                    if (f.Rule.SpecRule is { } rule)
                        writer.WriteString("rule", rule);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }
        if (result.Findings.Count == 0)
        {
            stdout.WriteLine("no lint findings");
            return;
        }
        foreach (var f in result.Findings)
            stdout.WriteLine(f.ToString());
        stdout.WriteLine($"{result.Findings.Count} finding(s)");
    }
}
