namespace AuthorizerConformance.Functions.Tests;

/// <summary>The node: bootstrap runs a handler the way the managed Node.js runtime does (notes/lambda-runtime-api.md §3).</summary>
public sealed class NodeBootstrapTests
{
    private const string Allow = "{ principalId: 'user-1', policyDocument: { Version: '2012-10-17', Statement: [] } }";

    [Theory]
    [InlineData("auth.mjs", $"export const handler = async (event) => ({Allow});")]
    [InlineData("auth.mjs", $"export function handler(event) {{ return Promise.resolve({Allow}); }}")]
    [InlineData("auth.mjs", $"export const handler = (event, context, callback) => {{ callback(null, {Allow}); }};")]
    [InlineData("auth.cjs", $"exports.handler = async (event) => ({Allow});")]
    [InlineData("auth.js", $"module.exports = {{ handler: (event, context, callback) => setTimeout(() => callback(null, {Allow}), 1) }};")]
    [InlineData("auth.mjs", $"export const handler = (event, context) => {{ context.succeed({Allow}); }};")]
    public async Task A_handler_of_any_style_answers_with_its_result(string file, string code)
    {
        await using var functions = new TestFunctions();
        functions.Write(file, code);
        var host = functions.Start($"node:{file}#handler");

        var invoked = await Invoked.Run(host);

        Assert.Equal("user-1", invoked.Json.GetProperty("principalId").GetString());
    }

    [Fact]
    public async Task A_nested_export_path_and_the_default_export_name_are_found()
    {
        await using var functions = new TestFunctions();
        functions.Write("nested.mjs", "export const auth = { check: async () => 'nested' };");
        functions.Write("index.mjs", "export const handler = async () => 'default-name';");

        Assert.Equal("\"nested\"", (await Invoked.Run(functions.Start("node:nested.mjs#auth.check"))).Body);
        Assert.Equal("\"default-name\"", (await Invoked.Run(functions.Start("node:index.mjs"))).Body);
    }

    [Theory]
    [InlineData("export const handler = async () => { throw 'Unauthorized'; };", "Unauthorized", "string")]
    [InlineData("export const handler = () => { throw 'Unauthorized'; };", "Unauthorized", "string")]
    [InlineData("export const handler = (e, c, callback) => callback('Unauthorized');", "Unauthorized", "string")]
    [InlineData("export const handler = (e, c) => c.fail('Unauthorized');", "Unauthorized", "string")]
    [InlineData("export const handler = async () => { throw new TypeError('bad claim'); };", "bad claim", "TypeError")]
    [InlineData("export const handler = async () => { class AuthError extends Error {} throw new AuthError('x'); };", "x", "Error")]
    [InlineData("export const handler = async () => { const e = new Error('Unauthorized'); e.name = 'AuthError'; throw e; };", "Unauthorized", "AuthError")]
    [InlineData("export const handler = async () => { throw 42; };", "42", "number")]
    [InlineData("export const handler = () => Promise.reject(null);", "handled", "string")]
    public async Task A_thrown_value_is_reported_as_the_Node_runtime_reports_it(string code, string message, string type)
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", code);

        var error = (await Invoked.Run(functions.Start("node:auth.mjs#handler"))).Error;

        Assert.Equal((message, type), (error.Message, error.Type));
    }

    [Fact]
    public async Task A_sync_handler_that_returns_a_plain_value_answers_null_as_on_Lambda()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", "export function handler() { return { principalId: 'ignored' }; }");

        Assert.Equal("null", (await Invoked.Run(functions.Start("node:auth.mjs#handler"))).Body);
    }

    [Fact]
    public async Task The_process_stays_warm_across_invocations()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", "let count = 0; export const handler = async () => ({ pid: process.pid, count: ++count });");
        var host = functions.Start("node:auth.mjs#handler", poolSize: 1);

        var first = (await Invoked.Run(host)).Json;
        var second = (await Invoked.Run(host)).Json;

        Assert.Equal(first.GetProperty("pid").GetInt32(), second.GetProperty("pid").GetInt32());
        Assert.Equal((1, 2), (first.GetProperty("count").GetInt32(), second.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task The_handler_gets_the_event_the_context_and_Lambdas_environment_and_no_harness_secrets()
    {
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "harness-secret-must-not-leak");
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", """
            export const handler = async (event, context) => ({
              token: event.authorizationToken,
              env: process.env,
              requestId: context.awsRequestId,
              arn: context.invokedFunctionArn,
              remaining: context.getRemainingTimeInMillis(),
              functionName: context.functionName,
              cwd: process.cwd(),
            });
            """);
        var host = functions.Start("node:auth.mjs#handler", timeout: TimeSpan.FromSeconds(7), environment: new Dictionary<string, string> { ["AUTH_TOKEN_SALT"] = "s3" });

        var json = (await Invoked.Run(host, """{"authorizationToken":"abc"}""")).Json;

        var env = json.GetProperty("env");
        Assert.Equal("abc", json.GetProperty("token").GetString());
        Assert.Matches(@"^127\.0\.0\.1:\d+$", env.GetProperty("AWS_LAMBDA_RUNTIME_API").GetString());
        Assert.Equal("s3", env.GetProperty("AUTH_TOKEN_SALT").GetString());
        Assert.Equal(Path.Combine(functions.Folder, "auth.mjs") + "#handler", env.GetProperty("_HANDLER").GetString());
        Assert.Equal(functions.Folder, env.GetProperty("LAMBDA_TASK_ROOT").GetString());
        Assert.Equal(functions.Folder, json.GetProperty("cwd").GetString());
        Assert.Equal(("auth", "$LATEST", "128", "/aws/lambda/auth", "us-east-1", "us-east-1", "AWS_Lambda_nodejs20.x"),
            (env.GetProperty("AWS_LAMBDA_FUNCTION_NAME").GetString(), env.GetProperty("AWS_LAMBDA_FUNCTION_VERSION").GetString(),
             env.GetProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").GetString(), env.GetProperty("AWS_LAMBDA_LOG_GROUP_NAME").GetString(),
             env.GetProperty("AWS_REGION").GetString(), env.GetProperty("AWS_DEFAULT_REGION").GetString(), env.GetProperty("AWS_EXECUTION_ENV").GetString()));
        Assert.Matches(@"^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", env.GetProperty("_X_AMZN_TRACE_ID").GetString());
        Assert.False(env.TryGetProperty("AWS_SECRET_ACCESS_KEY", out _));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", json.GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:auth", json.GetProperty("arn").GetString());
        Assert.InRange(json.GetProperty("remaining").GetInt64(), 1, 7000);
        Assert.Equal("auth", json.GetProperty("functionName").GetString());
    }

    [Fact]
    public async Task Each_invocation_gets_its_own_log_lines_and_init_output_goes_to_the_first()
    {
        await using var functions = new TestFunctions();
        functions.Write("auth.mjs", """
            console.log('init line');
            export const handler = async (event) => { console.log('out', event.n); console.error('err', event.n); return null; };
            """);
        var host = functions.Start("node:auth.mjs#handler", poolSize: 1);

        var first = await Invoked.Run(host, """{"n":1}""");
        var second = await Invoked.Run(host, """{"n":2}""");

        Assert.Equal(["err 1", "init line", "out 1"], first.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal(["err 2", "out 2"], second.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Parallel_invocations_run_in_separate_processes_of_the_pool()
    {
        await using var functions = new TestFunctions();
        // Each handler waits (bounded) until two handlers run at once: with one process at a time this would time out.
        functions.Write("auth.mjs", """
            import fs from 'node:fs';
            export const handler = async () => {
              fs.writeFileSync(`${process.env.LAMBDA_TASK_ROOT}/${process.pid}.pid`, '');
              for (let i = 0; i < 300; i++) {
                if (fs.readdirSync(process.env.LAMBDA_TASK_ROOT).filter(f => f.endsWith('.pid')).length >= 2) return process.pid;
                await new Promise(r => setTimeout(r, 20));
              }
              throw new Error('alone');
            };
            """);
        var host = functions.Start("node:auth.mjs#handler", poolSize: 2);

        var both = await Task.WhenAll(Invoked.Run(host), Invoked.Run(host));

        Assert.NotEqual(both[0].Body, both[1].Body);
    }
}
