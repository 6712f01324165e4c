using System.Security.Cryptography;

namespace AuthorizerConformance.Functions.RuntimeApi;

/// <summary>
/// The environment a function's process starts with: Lambda's reserved variables (configuration-envvars docs; RIE
/// defaults in <c>rie/handlers.go</c>), the few host variables a local process needs, and the profile's own.
/// The harness's other variables (AWS credentials among them) are not passed on.
/// </summary>
internal static class LambdaEnvironment
{
    /// <summary>The region and account of the ARNs this host hands out (RIE's fake account).</summary>
    public const string Region = "us-east-1";

    public const string AccountId = "012345678912";

    /// <summary>Variables Lambda reserves: a profile may not set them (Lambda refuses such a configuration too).</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API",
        "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <summary>Host variables a local process needs to run at all (find its interpreter, a home and a temp folder).</summary>
    private static readonly string[] Inherited = ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT", "WINDIR", "USERPROFILE"];

    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{AccountId}:function:{name}";

    /// <exception cref="FunctionStartException">The profile sets a reserved variable.</exception>
    public static void CheckProfileVariables(IReadOnlyDictionary<string, string> environment)
    {
        var reserved = environment.Keys.Where(Reserved.Contains).Order(StringComparer.Ordinal).ToList();
        if (reserved.Count > 0)
            throw new FunctionStartException($"environment: {string.Join(", ", reserved)} {(reserved.Count == 1 ? "is" : "are")} reserved by Lambda and set by the host; remove {(reserved.Count == 1 ? "it" : "them")} from the profile");
    }

    public static IReadOnlyDictionary<string, string> For(FunctionCommand command, string runtimeApi, IReadOnlyDictionary<string, string> profile)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
                variables[name] = value;
        }
        variables["LANG"] = "en_US.UTF-8";
        variables["TZ"] = ":UTC";
        foreach (var (name, value) in profile)
            variables[name] = value;
        variables["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        variables["AWS_LAMBDA_FUNCTION_NAME"] = command.Name;
        variables["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128";
        variables["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        variables["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        variables["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{command.Name}";
        variables["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        variables["AWS_REGION"] = Region;
        variables["AWS_DEFAULT_REGION"] = Region;
        variables["LAMBDA_TASK_ROOT"] = command.TaskRoot;
        variables["LAMBDA_RUNTIME_DIR"] = FunctionCommand.BootstrapDirectory;
        if (command.Handler is not null)
            variables["_HANDLER"] = command.Handler;
        if (command.ExecutionEnv is not null)
            variables["AWS_EXECUTION_ENV"] = command.ExecutionEnv;
        return variables;
    }

    /// <summary>An X-Ray trace header as Lambda hands it to a runtime: <c>Root=1-&lt;epoch hex&gt;-&lt;96 bits&gt;;Parent=…;Sampled=0</c>.</summary>
    public static string NewTraceId(DateTimeOffset now) =>
        $"Root=1-{now.ToUnixTimeSeconds():x8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))};Parent={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};Sampled=0";
}
