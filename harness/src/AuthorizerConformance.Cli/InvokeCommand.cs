using System.CommandLine;
using System.Text;
using System.Text.Json;
using AuthorizerConformance.Harness.Inputs;
using AuthorizerConformance.Policy;
using AuthorizerConformance.Authorizer;
using AuthorizerConformance.Lambda.APIGatewayEvents;

namespace AuthorizerConformance.Cli;

/// <summary>
/// <c>authz invoke --event FILE|- [--variant NAME]</c>: runs the reference authorizer on one event, configured from
/// the same <c>AUTH_*</c> environment variables as in Lambda, and prints its response JSON or the function error
/// <c>{"errorMessage": …, "errorType": …}</c>. Exit 0 either way; 2 on a usage error. The authorizer's log lines go
/// to stderr, as Lambda sends them to CloudWatch.
/// </summary>
public static class InvokeCommand
{
    /// <summary>The variant names <c>--variant</c> accepts.</summary>
    public static IReadOnlyList<string> Variants { get; } = ["token", "request", "http-simple", "http-iam", "websocket"];

    /// <summary>Builds the command; <paramref name="stdin"/> replaces the console input for <c>--event -</c> (tests).</summary>
    public static Command Create(TextReader? stdin = null)
    {
        var eventOption = new Option<string>("--event") { Description = "Event JSON file, or - for stdin", Required = true };
        var variant = new Option<string?>("--variant") { Description = $"One of {string.Join(", ", Variants)}; default: chosen from the event" };
        variant.AcceptOnlyFromAmong([.. Variants]);
        var command = new Command("invoke", "Run the reference authorizer on one event") { eventOption, variant };
        command.SetAction((parse, _) => CliErrors.GuardAsync(parse.InvocationConfiguration.Error, () =>
            RunAsync(parse.GetValue(eventOption)!, parse.GetValue(variant), stdin ?? Console.In, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)));
        return command;
    }

    private static async Task RunAsync(string eventSource, string? variant, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        string json;
        try
        {
            json = eventSource == "-" ? BoundedInput.ReadText(stdin, InputLimits.EventBytes, "--event stdin")
                : File.Exists(eventSource) || eventSource.StartsWith("/dev/", StringComparison.Ordinal)
                    ? BoundedInput.ReadFile(eventSource, InputLimits.EventBytes, "--event")
                    : throw new UsageException($"--event: file '{eventSource}' not found.");
        }
        catch (InputException x)
        {
            throw new UsageException(x.Message);
        }
        string chosen;
        try
        {
            // Strict: a member name twice (two "type"s) is refused, not resolved by "last one wins" (issue 16 defect 9).
            using var document = StrictJson.Parse(json, StrictJson.Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException("--event: the event at $ is not a JSON object.");
            if (JsonTextCheck.FirstNonText(document.RootElement, "$") is { } notText)
                throw new UsageException($"--event: {notText.Path} {notText.Message}.");
            chosen = variant ?? Detect(document.RootElement);
        }
        catch (JsonException x)
        {
            throw new UsageException($"--event: not valid JSON {StrictJson.Describe(x)}");
        }
        stdout.WriteLine(await InvokeAsync(chosen, json, stderr).ConfigureAwait(false));
    }

    /// <summary>
    /// TOKEN → token; <c>version</c> 2.0 → http-simple; <c>requestContext.eventType</c> CONNECT → websocket;
    /// REQUEST → request. HTTP IAM responses cannot be told from the event: pass <c>--variant http-iam</c>. A member of
    /// another type than expected (<c>"requestContext": "x"</c>) simply does not tell.
    /// </summary>
    internal static string Detect(JsonElement e)
    {
        static string? Str(JsonElement parent, string name) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Str(e, "type") == "TOKEN")
            return "token";
        if (Str(e, "version") == "2.0")
            return "http-simple";
        if (e.TryGetProperty("requestContext", out var context) && Str(context, "eventType") == "CONNECT")
            return "websocket";
        if (Str(e, "type") == "REQUEST")
            return "request";
        throw new UsageException("--event: cannot tell the variant from $.type/$.version/$.requestContext.eventType; pass --variant.");
    }

    private static async Task<string> InvokeAsync(string variant, string json, TextWriter log)
    {
        string? Env(string name) => Environment.GetEnvironmentVariable(name);
        using AuthorizerFunctionBase function = variant switch
        {
            "token" => new TokenAuthorizerFunction(Env, TimeProvider.System, null, log),
            "request" => new RequestAuthorizerFunction(Env, TimeProvider.System, null, log),
            "http-simple" => new HttpApiSimpleAuthorizerFunction(Env, TimeProvider.System, null, log),
            "http-iam" => new HttpApiIamAuthorizerFunction(Env, TimeProvider.System, null, log),
            "websocket" => new WebSocketAuthorizerFunction(Env, TimeProvider.System, null, log),
            _ => throw new UsageException($"--variant: '{variant}' is not one of {string.Join(", ", Variants)}."),
        };
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(json));
        try
        {
            await using var output = await Handler(function)(input).ConfigureAwait(false);
            using var reader = new StreamReader(output, Encoding.UTF8);
            return await reader.ReadToEndAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Lambda reports every exception of the handler as a function error; so does invoke.
        catch (Exception x)
#pragma warning restore CA1031
        {
            return JsonSerializer.Serialize(new LambdaError(x.Message, x.GetType().Name), APIGatewayEventsJsonContext.Default.LambdaError);
        }
    }

    private static Func<Stream, Task<Stream>> Handler(AuthorizerFunctionBase function) => function switch
    {
        TokenAuthorizerFunction f => f.FunctionHandler,
        RequestAuthorizerFunction f => f.FunctionHandler,
        HttpApiSimpleAuthorizerFunction f => f.FunctionHandler,
        HttpApiIamAuthorizerFunction f => f.FunctionHandler,
        WebSocketAuthorizerFunction f => f.FunctionHandler,
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };
}
