using System.Globalization;

namespace AuthorizerConformance.Functions.DotNet;

/// <summary>
/// What <c>ILambdaContext</c> reports about the function itself. Read from the function's environment as
/// Amazon.Lambda.RuntimeSupport reads them (<c>AWS_LAMBDA_FUNCTION_NAME</c>, <c>_VERSION</c>, <c>_MEMORY_SIZE</c>,
/// <c>AWS_LAMBDA_LOG_GROUP_NAME</c>, <c>AWS_LAMBDA_LOG_STREAM_NAME</c>, <c>AWS_REGION</c>); what the environment does
/// not say defaults to the Runtime Interface Emulator's defaults.
/// </summary>
internal sealed record LambdaFunctionSettings(
    string FunctionName, string FunctionVersion, int MemoryLimitInMB, string LogGroupName, string LogStreamName, string InvokedFunctionArn)
{
    // The RIE's defaults (rie/handlers.go), so an in-process function sees what it would see under `sam local`.
    private const string DefaultName = "test_function";
    private const string DefaultVersion = "$LATEST";
    private const int DefaultMemory = 3008;
    private const string DefaultRegion = "us-east-1";
    private const string Account = "123456789012";

    public static LambdaFunctionSettings From(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string Get(string name, string fallback) => environment.TryGetValue(name, out var value) && value.Length > 0 ? value : fallback;
        var name = Get("AWS_LAMBDA_FUNCTION_NAME", DefaultName);
        var memory = int.TryParse(Get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : DefaultMemory;
        return new LambdaFunctionSettings(
            name,
            Get("AWS_LAMBDA_FUNCTION_VERSION", DefaultVersion),
            memory,
            Get("AWS_LAMBDA_LOG_GROUP_NAME", $"/aws/lambda/{name}"),
            Get("AWS_LAMBDA_LOG_STREAM_NAME", DefaultVersion),
            $"arn:aws:lambda:{Get("AWS_REGION", DefaultRegion)}:{Account}:function:{name}");
    }
}
