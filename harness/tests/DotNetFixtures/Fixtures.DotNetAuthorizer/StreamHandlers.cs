using System.Text;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace Fixtures.DotNetAuthorizer;

/// <summary>Stream handlers: no serializer needed.</summary>
public static class StreamHandlers
{
    private static int s_calls;

    /// <summary>Returns the event unchanged.</summary>
    public static Stream Echo(Stream input)
    {
        var copy = new MemoryStream();
        input.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Returns the event unchanged after an await, logging through the context's logger.</summary>
    public static async Task<Stream> EchoAsync(Stream input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        context.Logger.LogLine($"echoed {copy.Length} bytes for {context.AwsRequestId}");
        copy.Position = 0;
        return copy;
    }

    /// <summary>The context it was given, as JSON.</summary>
    public static Stream Context(ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["awsRequestId"] = context.AwsRequestId,
            ["functionName"] = context.FunctionName,
            ["functionVersion"] = context.FunctionVersion,
            ["invokedFunctionArn"] = context.InvokedFunctionArn,
            ["logGroupName"] = context.LogGroupName,
            ["logStreamName"] = context.LogStreamName,
            ["memoryLimitInMB"] = context.MemoryLimitInMB,
            ["remainingTimeMs"] = context.RemainingTime.TotalMilliseconds,
            ["identityIsPresent"] = context.Identity is not null,
            ["identityId"] = context.Identity?.IdentityId,
            ["clientContextIsPresent"] = context.ClientContext is not null,
            ["traceId"] = context.TraceId,
        });
        return new MemoryStream(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Logs one line through every channel a .NET function has.</summary>
    public static Stream Logs(Stream input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LambdaLogger.Log("static-logger line");
        LambdaLogger.Log("Warning", "static-leveled line");
        context.Logger.Log("context-log line");
        context.Logger.LogInformation("context-information line");
        context.Logger.LogError(new InvalidOperationException("key store down"), "context-error {code}", 7);
        Console.WriteLine("console-out line");
        Console.Error.WriteLine("console-error line");
        return Echo(input);
    }

    /// <summary>Counts its calls in a static: one count per load of the assembly (per execution environment).</summary>
    public static Stream StaticCount(Stream input)
    {
        var calls = Interlocked.Increment(ref s_calls);
        return new MemoryStream(Encoding.UTF8.GetBytes($"{{\"calls\":{calls}}}"));
    }

    /// <summary>Throws a team's own exception type.</summary>
    public static Stream Fault(Stream input) => throw new AuthorizerFaultException("the key store is unreachable");

    /// <summary>Throws after an await.</summary>
    public static async Task<Stream> FaultAsync(Stream input)
    {
        await Task.Yield();
        throw new InvalidOperationException("no signing key configured");
    }

    /// <summary>Answers 7 MB: over Lambda's 6 MB response limit.</summary>
    public static Stream Huge(Stream input) => new MemoryStream(new byte[7 * 1024 * 1024]);

    /// <summary>Answers a stream that never ends: over the limit, and it must not be read forever.</summary>
    public static Stream Endless(Stream input) => new EndlessStream();

    /// <summary>
    /// Counts its calls in a static, like <see cref="StaticCount"/>; when the event names a file
    /// (<c>{"waitFor":"path"}</c>), first blocks the thread until it exists, at most a minute: a handler that overruns
    /// its deadline, released by the test when it is done.
    /// </summary>
    public static Stream Hang(Stream input)
    {
        using var document = JsonDocument.Parse(input);
        if (document.RootElement.TryGetProperty("waitFor", out var waitFor))
        {
            var until = DateTime.UtcNow.AddMinutes(1);
            while (!File.Exists(waitFor.GetString()) && DateTime.UtcNow < until)
                Thread.Sleep(10);
        }
        return StaticCount(input);
    }

    /// <summary>The value of the environment variable the event names (<c>{"name":"X"}</c>), null when unset.</summary>
    public static Stream Environment(Stream input)
    {
        using var document = JsonDocument.Parse(input);
        var value = System.Environment.GetEnvironmentVariable(document.RootElement.GetProperty("name").GetString()!);
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["value"] = value }));
    }

    /// <summary>The load contexts this assembly and its Amazon.Lambda.Core were loaded into.</summary>
    public static Stream LoadContext(Stream input) =>
        new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["handler"] = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(StreamHandlers).Assembly)?.Name,
            ["core"] = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(ILambdaContext).Assembly)?.Name,
        }));
}
